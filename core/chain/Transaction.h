#pragma once
// Transactions. Wire form: u8 type | type-specific payload, each type of one fixed length.
//   coinbase: height u64 | to 20 | amount u64
//   transfer: network id 32 | sender public key 32 | to 20 | amount u64 | fee u64 | nonce u64
//             | Ed25519 signature 64 over kTransferSigningTag followed by every byte before it
// The network id is the network's genesis hash, so a transfer signed for one network is
// worthless on any other.
#include "core/crypto/Address.h"
#include "core/crypto/Sha256.h"

namespace pb {

enum class TxType : uint8_t { Coinbase = 0, Transfer = 1 };

constexpr uint64_t kCoin = 100'000'000;  // units per coin

// Pays the block reward (plus fees) to the miner. `height` makes every coinbase unique.
struct CoinbaseTx {
    uint64_t height = 0;
    crypto::AddressHash to{};
    uint64_t amount = 0;

    static constexpr size_t kSize = 1 + 8 + 20 + 8;
    Bytes serialize() const;
};

constexpr std::string_view kTransferSigningTag = "photoblocks transfer v1";

// Moves `amount` from the sender's account to `to`, paying `fee` to the block's miner. The
// sender's `nonce` must equal the account's next nonce: each transfer is spendable once.
struct TransferTx {
    Hash256 network{};
    crypto::PublicKey sender{};
    crypto::AddressHash to{};
    uint64_t amount = 0;
    uint64_t fee = 0;
    uint64_t nonce = 0;
    crypto::Signature signature{};

    static constexpr size_t kSignedSize = 1 + 32 + 32 + 20 + 8 + 8 + 8;
    static constexpr size_t kSize = kSignedSize + 64;

    crypto::AddressHash from() const { return crypto::addressFromPublicKey(sender); }
    // The bytes the signature covers: the tag, then the encoding up to the signature.
    Bytes signingMessage() const;
    void signWith(const crypto::Ed25519Key& key);
    bool signatureValid() const;
    Bytes serialize() const;
};

struct Transaction {
    TxType type = TxType::Coinbase;
    CoinbaseTx coinbase;
    TransferTx transfer;

    // nullopt for unknown types, wrong lengths or trailing bytes.
    static std::optional<Transaction> parse(const Bytes& raw);
};

inline Hash256 txId(const Bytes& raw) { return crypto::sha256d(raw); }

} // namespace pb
