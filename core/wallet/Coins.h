#pragma once
// Coin amounts as people type and read them: "1.5" coins <-> 150000000 units.
#include <QString>
#include <optional>

namespace pb::wallet {

// "1.5" coins -> 150000000 units; at most 8 decimals, no sign, no overflow.
std::optional<quint64> parseCoins(const QString& text);
QString formatCoins(quint64 units);

} // namespace pb::wallet
