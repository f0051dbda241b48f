#include "core/wallet/PaymentRequest.h"

#include "core/crypto/Address.h"
#include "core/wallet/Coins.h"

#include <QSet>
#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <cctype>

namespace pb::wallet {

namespace {

const QString kScheme = "photoblocks:";

std::nullopt_t refuse(QString* error, const QString& why)
{
    if (error) *error = why;
    return std::nullopt;
}

QString encoded(const QString& text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); }

// Strict percent-decoding: every '%' starts two hex digits and the bytes are UTF-8.
std::optional<QString> decoded(const QString& text)
{
    QByteArray bytes;
    const QByteArray raw = text.toUtf8();
    for (int i = 0; i < raw.size(); ++i) {
        if (raw[i] != '%') {
            bytes.append(raw[i] == '+' ? ' ' : raw[i]);
            continue;
        }
        if (i + 2 >= raw.size() || !std::isxdigit(uchar(raw[i + 1])) || !std::isxdigit(uchar(raw[i + 2]))) return std::nullopt;
        bytes.append(char(raw.mid(i + 1, 2).toInt(nullptr, 16)));
        i += 2;
    }
    const QString out = QString::fromUtf8(bytes);
    if (out.toUtf8() != bytes) return std::nullopt;  // not UTF-8
    return out;
}

bool hasControlCharacters(const QString& text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.category() == QChar::Other_Control; });
}

} // namespace

QString formatPaymentRequest(const PaymentRequest& r)
{
    QStringList query;
    if (r.amount) {
        QString coins = formatCoins(*r.amount);
        while (coins.endsWith('0')) coins.chop(1);
        if (coins.endsWith('.')) coins.chop(1);
        query << "amount=" + coins;
    }
    if (!r.label.isEmpty()) query << "label=" + encoded(r.label);
    if (!r.message.isEmpty()) query << "message=" + encoded(r.message);
    return kScheme + r.address + (query.isEmpty() ? QString() : "?" + query.join('&'));
}

std::optional<PaymentRequest> parsePaymentRequest(const QString& input, QString* error)
{
    const QString text = input.trimmed();
    if (text.size() > kMaxRequestLength) return refuse(error, QString("a payment request has at most %1 characters").arg(kMaxRequestLength));
    if (!text.startsWith(kScheme, Qt::CaseInsensitive)) return refuse(error, "a payment request starts with \"photoblocks:\"");
    const QString rest = text.mid(kScheme.size());
    const int question = int(rest.indexOf('?'));
    PaymentRequest r;
    r.address = question < 0 ? rest : rest.left(question);
    if (!crypto::decodeAddress(r.address.toStdString()))
        return refuse(error, QString("'%1' is not a valid Photoblocks address").arg(r.address.left(100)));
    if (question < 0) return r;
    QSet<QString> seen;
    for (const QString& pair : rest.mid(question + 1).split('&')) {
        const int equals = int(pair.indexOf('='));
        const QString key = (equals < 0 ? pair : pair.left(equals)).toLower();
        const auto value = decoded(equals < 0 ? QString() : pair.mid(equals + 1));
        if (key.isEmpty()) return refuse(error, "the payment request has an empty parameter");
        if (seen.contains(key)) return refuse(error, QString("the payment request gives '%1' twice").arg(key.left(40)));
        seen.insert(key);
        if (!value || hasControlCharacters(*value))
            return refuse(error, QString("the payment request's '%1' is not valid text").arg(key.left(40)));
        if (key == "amount") {
            r.amount = parseCoins(*value);
            if (!r.amount || *r.amount == 0)
                return refuse(error, QString("amount '%1' is not a positive number of coins (at most 8 decimals)").arg(value->left(40)));
        } else if (key == "label") {
            if (value->size() > kMaxRequestLabel) return refuse(error, QString("a label has at most %1 characters").arg(kMaxRequestLabel));
            r.label = *value;
        } else if (key == "message") {
            if (value->size() > kMaxRequestMessage)
                return refuse(error, QString("a message has at most %1 characters").arg(kMaxRequestMessage));
            r.message = *value;
        } else if (key.startsWith("req-")) {
            return refuse(error, QString("the payment request requires '%1', which this wallet does not understand").arg(key.left(40)));
        }
    }
    return r;
}

} // namespace pb::wallet
