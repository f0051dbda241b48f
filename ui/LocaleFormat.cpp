#include "ui/LocaleFormat.h"

#include "core/wallet/Coins.h"

#include <QLocale>

namespace pb::ui {

namespace {

bool isC(const QLocale& locale) { return locale.language() == QLocale::C; }

// The locale's own time format to the second: its short format lacks seconds in most
// languages, and its long one adds the time zone's name.
QString timeFormatWithSeconds(const QLocale& locale)
{
    QString format = locale.timeFormat(QLocale::ShortFormat);
    if (!format.contains('s')) format.replace("mm", "mm:ss");
    return format;
}

} // namespace

QString coinsText(quint64 units)
{
    const QLocale locale;
    const QString plain = wallet::formatCoins(units);  // "1234.5"
    if (isC(locale)) return plain;
    const qsizetype point = plain.indexOf('.');
    const QString whole = locale.toString(qulonglong(plain.left(point < 0 ? plain.size() : point).toULongLong()));
    return point < 0 ? whole : whole + locale.decimalPoint() + plain.mid(point + 1);
}

std::optional<quint64> parseCoinsText(const QString& text)
{
    QString plain = text.trimmed();
    const QString point = QLocale().decimalPoint();
    if (point != "." && plain.count(point) == 1 && !plain.contains('.')) plain.replace(point, ".");
    return wallet::parseCoins(plain);
}

QString numberText(qint64 value)
{
    const QLocale locale;
    return isC(locale) ? QString::number(value) : locale.toString(value);
}

QString dateTimeText(const QDateTime& when)
{
    const QLocale locale;
    if (isC(locale)) return when.toString("yyyy-MM-dd HH:mm:ss");
    return locale.toString(when.date(), QLocale::ShortFormat) + ' ' + when.toString(timeFormatWithSeconds(locale));
}

QString timeText(const QDateTime& when)
{
    const QLocale locale;
    return when.toString(isC(locale) ? QString("HH:mm:ss") : timeFormatWithSeconds(locale));
}

} // namespace pb::ui
