#include "core/chain/Transaction.h"

#include "core/chain/ByteReader.h"

namespace pb {

namespace {

void appendTransferBody(Bytes& out, const TransferTx& t)
{
    appendU8(out, uint8_t(TxType::Transfer));
    appendArray(out, t.network);
    appendArray(out, t.sender);
    appendArray(out, t.to);
    appendU64(out, t.amount);
    appendU64(out, t.fee);
    appendU64(out, t.nonce);
}

} // namespace

Bytes CoinbaseTx::serialize() const
{
    Bytes out;
    out.reserve(kSize);
    appendU8(out, uint8_t(TxType::Coinbase));
    appendU64(out, height);
    appendArray(out, to);
    appendU64(out, amount);
    return out;
}

Bytes TransferTx::signingMessage() const
{
    Bytes out(kTransferSigningTag.begin(), kTransferSigningTag.end());
    out.reserve(out.size() + kSignedSize);
    appendTransferBody(out, *this);
    return out;
}

void TransferTx::signWith(const crypto::Ed25519Key& key)
{
    sender = key.publicKey();
    const Bytes message = signingMessage();
    signature = key.sign(message.data(), message.size());
}

bool TransferTx::signatureValid() const
{
    const Bytes message = signingMessage();
    return crypto::ed25519Verify(sender, message.data(), message.size(), signature);
}

Bytes TransferTx::serialize() const
{
    Bytes out;
    out.reserve(kSize);
    appendTransferBody(out, *this);
    appendArray(out, signature);
    return out;
}

std::optional<Transaction> Transaction::parse(const Bytes& raw)
{
    ByteReader r(raw.data(), raw.size());
    uint8_t type = 0;
    if (!r.readU8(type)) return std::nullopt;
    Transaction tx;
    if (type == uint8_t(TxType::Coinbase)) {
        tx.type = TxType::Coinbase;
        if (!r.readU64(tx.coinbase.height) || !r.readArray(tx.coinbase.to) || !r.readU64(tx.coinbase.amount))
            return std::nullopt;
    } else if (type == uint8_t(TxType::Transfer)) {
        tx.type = TxType::Transfer;
        TransferTx& t = tx.transfer;
        if (!r.readArray(t.network) || !r.readArray(t.sender) || !r.readArray(t.to) || !r.readU64(t.amount)
            || !r.readU64(t.fee) || !r.readU64(t.nonce) || !r.readArray(t.signature))
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (!r.atEnd()) return std::nullopt;
    return tx;
}

} // namespace pb
