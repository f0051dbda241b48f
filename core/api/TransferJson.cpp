#include "core/api/TransferJson.h"

#include "core/util/HexText.h"

namespace pb::api {

const QStringList kTransferFields = {"network", "senderPublicKey", "to", "amount", "fee", "nonce", "signature"};

namespace {

constexpr qint64 kMaxExactJsonInteger = qint64(1) << 53;

ApiError bad(const char* code, const QString& message) { return ApiError{ApiError::BadRequest, code, message}; }

template <size_t N>
std::optional<ApiError> readHex(const QJsonObject& o, const QString& field, std::array<uint8_t, N>* out)
{
    const auto bytes = fromHex(o[field].toString().toStdString());
    if (!bytes || bytes->size() != N)
        return bad("bad_hex", QString("field '%1' must be %2 hex digits").arg(field).arg(2 * N));
    std::copy(bytes->begin(), bytes->end(), out->begin());
    return std::nullopt;
}

std::optional<ApiError> readUnsigned(const QJsonObject& o, const QString& field, uint64_t* out)
{
    const QJsonValue v = o[field];
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d < 0 || d > double(kMaxExactJsonInteger) || d != double(qint64(d)))
            return bad("bad_number", QString("field '%1' must be a whole number from 0 to 2^53 (or a decimal string)").arg(field));
        *out = uint64_t(d);
        return std::nullopt;
    }
    bool ok = false;
    const QString text = v.toString();
    const qulonglong parsed = text.toULongLong(&ok, 10);
    if (!ok || text.isEmpty() || !std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); }))
        return bad("bad_number", QString("field '%1' is not a decimal number of units: '%2'").arg(field, text.left(40)));
    *out = parsed;
    return std::nullopt;
}

} // namespace

QJsonObject transferToJson(const TransferTx& tx)
{
    const auto number = [](uint64_t v) { return v <= uint64_t(kMaxExactJsonInteger) ? QJsonValue(qint64(v)) : QJsonValue(QString::number(v)); };
    return QJsonObject{
        {"network", hexText(tx.network)},
        {"senderPublicKey", hexText(tx.sender)},
        {"to", QString::fromStdString(crypto::encodeAddress(tx.to))},
        {"amount", number(tx.amount)},
        {"fee", number(tx.fee)},
        {"nonce", number(tx.nonce)},
        {"signature", hexText(tx.signature)},
    };
}

std::variant<TransferTx, ApiError> transferFromJson(const QJsonObject& o)
{
    for (const QString& field : kTransferFields) {
        if (!o.contains(field)) return bad("missing_field", QString("field '%1' is required").arg(field));
        const bool numeric = field == "amount" || field == "fee" || field == "nonce";
        if (!o[field].isString() && !(numeric && o[field].isDouble()))
            return bad("wrong_type", QString("field '%1' must be %2, not %3")
                                         .arg(field, numeric ? "a number or a decimal string" : "a string", jsonTypeName(o[field])));
    }
    TransferTx tx;
    if (auto e = readHex(o, "network", &tx.network)) return *e;
    if (auto e = readHex(o, "senderPublicKey", &tx.sender)) return *e;
    if (auto e = readHex(o, "signature", &tx.signature)) return *e;
    const auto to = crypto::decodeAddress(o["to"].toString().toStdString());
    if (!to) return bad("bad_address", QString("'%1' is not a valid Photoblocks address").arg(o["to"].toString().left(100)));
    tx.to = *to;
    if (auto e = readUnsigned(o, "amount", &tx.amount)) return *e;
    if (auto e = readUnsigned(o, "fee", &tx.fee)) return *e;
    if (auto e = readUnsigned(o, "nonce", &tx.nonce)) return *e;
    return tx;
}

QJsonObject transactionJson(const TransactionInfo& t)
{
    QJsonObject o{{"id", t.id}, {"type", t.type}, {"to", t.to}, {"amount", qint64(t.amount)}};
    if (t.type == "transfer") {
        o["from"] = t.from;
        o["fee"] = qint64(t.fee);
        o["nonce"] = qint64(t.nonce);
    }
    if (!t.status.isEmpty()) o["status"] = t.status;
    if (t.status == "confirmed") {
        o["blockHash"] = t.blockHash;
        o["height"] = qint64(t.height);
        if (t.time != 0) o["time"] = qint64(t.time);
    }
    return o;
}

} // namespace pb::api
