#pragma once
// Transactions. Wire form: u8 type | type-specific payload. Only the coinbase exists so far;
// signed transfers join as a second type.
#include "core/crypto/Address.h"
#include "core/crypto/Sha256.h"

namespace pb {

enum class TxType : uint8_t { Coinbase = 0 };

constexpr uint64_t kCoin = 100'000'000;  // units per coin

// Pays the block reward (plus fees) to the miner. `height` makes every coinbase unique.
struct CoinbaseTx {
    uint64_t height = 0;
    crypto::AddressHash to{};
    uint64_t amount = 0;

    static constexpr size_t kSize = 1 + 8 + 20 + 8;
    Bytes serialize() const;
};

struct Transaction {
    TxType type = TxType::Coinbase;
    CoinbaseTx coinbase;

    // nullopt for unknown types, wrong lengths or trailing bytes.
    static std::optional<Transaction> parse(const Bytes& raw);
};

inline Hash256 txId(const Bytes& raw) { return crypto::sha256d(raw); }

} // namespace pb
