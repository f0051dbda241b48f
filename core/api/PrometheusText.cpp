#include "core/api/PrometheusText.h"

#include <QLocale>
#include <cmath>

namespace pb::api {

namespace {

QString escaped(QString text, bool quoteToo)
{
    text.replace('\\', "\\\\").replace('\n', "\\n");
    if (quoteToo) text.replace('"', "\\\"");
    return text;
}

QString number(double value)
{
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
    // Plain decimals ("0.0001", not "1e-04") where they stay short: bucket bounds are read by people too.
    const double magnitude = std::abs(value);
    const bool plain = value == 0 || (magnitude >= 1e-6 && magnitude < 1e15);
    return QString::number(value, plain ? 'f' : 'g', QLocale::FloatingPointShortest);
}

} // namespace

void PrometheusText::family(const QString& name, const QString& type, const QString& help)
{
    name_ = name;
    text_ += QString("# HELP %1 %2\n# TYPE %1 %3\n").arg(name, escaped(help, false), type).toUtf8();
}

void PrometheusText::sample(double value, const Labels& labels, const QString& suffix)
{
    QString line = name_ + suffix;
    if (!labels.isEmpty()) {
        QStringList pairs;
        for (const auto& [key, labelValue] : labels) pairs << QString("%1=\"%2\"").arg(key, escaped(labelValue, true));
        line += "{" + pairs.join(',') + "}";
    }
    text_ += (line + " " + number(value) + "\n").toUtf8();
}

void PrometheusText::histogram(const QString& name, const QString& help, const DurationHistogram::Snapshot& snapshot)
{
    family(name, "histogram", help);
    for (size_t i = 0; i < DurationHistogram::kBounds.size(); ++i)
        sample(double(snapshot.cumulative[i]), {{"le", number(DurationHistogram::kBounds[i])}}, "_bucket");
    sample(double(snapshot.count), {{"le", "+Inf"}}, "_bucket");
    sample(snapshot.sumSeconds, {}, "_sum");
    sample(double(snapshot.count), {}, "_count");
}

} // namespace pb::api
