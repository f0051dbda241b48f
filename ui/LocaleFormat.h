#pragma once
// Numbers, coin amounts and times as the window's language writes them. Translations makes the
// chosen language QLocale's default, so "1234.50000000" coins read "1,234.50000000" in
// English, "1.234,50000000" in German, "1 234,50000000" in French; amounts stay exact (the
// digits come from the integer units, never from a double). In the C locale (tests, LANG unset) the text is wallet::formatCoins'.
#include <QDateTime>
#include <QString>
#include <optional>

namespace pb::ui {

QString coinsText(quint64 units);
// What the user typed, with the language's decimal separator (or a point); group separators
// are not accepted, so "1.234" in German is refused rather than misread.
std::optional<quint64> parseCoinsText(const QString& text);
QString numberText(qint64 value);
QString dateTimeText(const QDateTime& when);  // date and time to the second
QString timeText(const QDateTime& when);      // time of day to the second

} // namespace pb::ui
