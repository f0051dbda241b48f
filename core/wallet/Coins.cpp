#include "core/wallet/Coins.h"

#include "core/chain/Transaction.h"

#include <QRegularExpression>

namespace pb::wallet {

std::optional<quint64> parseCoins(const QString& text)
{
    static const QRegularExpression form("^([0-9]{1,11})(?:\\.([0-9]{1,8}))?$");
    const auto m = form.match(text);
    if (!m.hasMatch()) return std::nullopt;
    const quint64 whole = m.captured(1).toULongLong();
    const quint64 fraction = m.captured(2).leftJustified(8, '0').toULongLong();
    return whole * kCoin + fraction;  // 11 digits of coins stay far below 2^64 units
}

QString formatCoins(quint64 units)
{
    return QString("%1.%2").arg(units / kCoin).arg(units % kCoin, 8, 10, QChar('0'));
}

} // namespace pb::wallet
