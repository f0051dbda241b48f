#include "core/chain/Transaction.h"

#include "core/chain/ByteReader.h"

namespace pb {

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

std::optional<Transaction> Transaction::parse(const Bytes& raw)
{
    ByteReader r(raw.data(), raw.size());
    uint8_t type = 0;
    if (!r.readU8(type)) return std::nullopt;
    if (type != uint8_t(TxType::Coinbase)) return std::nullopt;
    Transaction tx;
    if (!r.readU64(tx.coinbase.height) || !r.readArray(tx.coinbase.to) || !r.readU64(tx.coinbase.amount))
        return std::nullopt;
    if (!r.atEnd()) return std::nullopt;
    return tx;
}

} // namespace pb
