#pragma once
// A strict checker for the Prometheus text exposition format 0.0.4 and the lint rules
// `promtool check metrics` applies (HELP on every family, counters end in _total, snake_case
// names), written because Debian's promtool comes only with the whole prometheus server
// package (~96 MB). Returns the problems found; empty when the text is valid.
#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <optional>

namespace pb::test {

struct PrometheusSample {
    QString name;
    QMap<QString, QString> labels;
    double value = 0;
};

struct PrometheusParse {
    QStringList problems;
    QList<PrometheusSample> samples;
    QHash<QString, QString> types;  // family -> type
    double value(const QString& name, const QMap<QString, QString>& labels = {}) const
    {
        for (const PrometheusSample& s : samples)
            if (s.name == name && s.labels == labels) return s.value;
        return std::nan("");
    }
};

inline std::optional<double> parsePrometheusValue(const QString& text)
{
    if (text == "NaN") return std::nan("");
    if (text == "+Inf") return INFINITY;
    if (text == "-Inf") return -INFINITY;
    static const QRegularExpression number(R"(^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$)");
    if (!number.match(text).hasMatch()) return std::nullopt;
    return text.toDouble();
}

inline PrometheusParse checkPrometheusText(const QString& text)
{
    PrometheusParse r;
    static const QRegularExpression metricName(R"(^[a-zA-Z_:][a-zA-Z0-9_:]*$)");
    static const QRegularExpression labelName(R"(^[a-zA-Z_][a-zA-Z0-9_]*$)");
    static const QRegularExpression snakeCase(R"(^[a-z_:][a-z0-9_:]*$)");
    const QSet<QString> knownTypes{"counter", "gauge", "histogram", "summary", "untyped"};
    if (!text.endsWith('\n')) r.problems << "the text does not end with a newline";
    QHash<QString, QString> help;
    QSet<QString> finishedFamilies, series;
    QString currentFamily;
    // The family a sample name belongs to: a histogram's _bucket/_sum/_count are its own.
    const auto familyOf = [&](const QString& name) {
        for (const char* suffix : {"_bucket", "_sum", "_count"}) {
            if (!name.endsWith(suffix)) continue;
            const QString base = name.chopped(qsizetype(qstrlen(suffix)));
            if (r.types.value(base) == "histogram" || r.types.value(base) == "summary") return base;
        }
        return name;
    };
    const auto enterFamily = [&](const QString& family, int lineNumber) {
        if (family == currentFamily) return;
        if (finishedFamilies.contains(family))
            r.problems << QString("line %1: family %2 continues after another family began").arg(lineNumber).arg(family);
        if (!currentFamily.isEmpty()) finishedFamilies.insert(currentFamily);
        currentFamily = family;
    };
    const QStringList lines = text.split('\n');
    for (int i = 0; i < lines.size() - 1; ++i) {
        const QString& line = lines[i];
        const int n = i + 1;
        if (line.isEmpty()) continue;
        if (line.startsWith('#')) {
            const QStringList parts = line.split(' ');
            if (parts.size() < 3 || (parts[1] != "HELP" && parts[1] != "TYPE")) continue;  // a plain comment
            const QString name = parts[2];
            if (!metricName.match(name).hasMatch()) r.problems << QString("line %1: bad metric name '%2'").arg(n).arg(name);
            enterFamily(name, n);
            if (parts[1] == "HELP") {
                if (help.contains(name)) r.problems << QString("line %1: second HELP for %2").arg(n).arg(name);
                help.insert(name, parts.mid(3).join(' '));
                const QString& h = help[name];
                for (qsizetype k = 0; k < h.size(); ++k) {
                    if (h[k] != '\\') continue;
                    if (k + 1 >= h.size() || (h[k + 1] != '\\' && h[k + 1] != 'n'))
                        r.problems << QString("line %1: bad escape in HELP of %2").arg(n).arg(name);
                    ++k;
                }
            } else {
                if (parts.size() != 4 || !knownTypes.contains(parts[3]))
                    r.problems << QString("line %1: bad TYPE line").arg(n);
                if (r.types.contains(name)) r.problems << QString("line %1: second TYPE for %2").arg(n).arg(name);
                for (const PrometheusSample& s : r.samples)
                    if (familyOf(s.name) == name) r.problems << QString("line %1: TYPE of %2 after its samples").arg(n).arg(name);
                r.types.insert(name, parts.value(3));
            }
            continue;
        }
        // name{label="value",...} value [timestamp]
        PrometheusSample sample;
        int pos = 0;
        while (pos < line.size() && line[pos] != '{' && line[pos] != ' ') ++pos;
        sample.name = line.left(pos);
        if (!metricName.match(sample.name).hasMatch()) {
            r.problems << QString("line %1: bad metric name '%2'").arg(n).arg(sample.name);
            continue;
        }
        bool broken = false;
        if (pos < line.size() && line[pos] == '{') {
            ++pos;
            while (pos < line.size() && line[pos] != '}') {
                const int eq = int(line.indexOf('=', pos));
                if (eq < 0 || eq + 1 >= line.size() || line[eq + 1] != '"') { broken = true; break; }
                const QString key = line.mid(pos, eq - pos);
                if (!labelName.match(key).hasMatch() || key.startsWith("__")) {
                    r.problems << QString("line %1: bad label name '%2'").arg(n).arg(key);
                }
                QString value;
                int p = eq + 2;
                for (; p < line.size() && line[p] != '"'; ++p) {
                    if (line[p] == '\\') {
                        if (p + 1 >= line.size() || !QString("\\\"n").contains(line[p + 1])) { broken = true; break; }
                        value += line[p + 1] == 'n' ? QChar('\n') : line[p + 1];
                        ++p;
                    } else {
                        value += line[p];
                    }
                }
                if (broken || p >= line.size()) { broken = true; break; }
                if (sample.labels.contains(key)) r.problems << QString("line %1: label %2 twice").arg(n).arg(key);
                sample.labels.insert(key, value);
                pos = p + 1;
                if (pos < line.size() && line[pos] == ',') ++pos;
                else if (pos < line.size() && line[pos] != '}') { broken = true; break; }
            }
            if (broken || pos >= line.size()) {
                r.problems << QString("line %1: malformed labels: %2").arg(n).arg(line);
                continue;
            }
            ++pos;  // '}'
        }
        if (pos >= line.size() || line[pos] != ' ') {
            r.problems << QString("line %1: no value: %2").arg(n).arg(line);
            continue;
        }
        const QStringList rest = line.mid(pos + 1).split(' ');
        const auto value = parsePrometheusValue(rest.value(0));
        if (!value || rest.size() > 2 || (rest.size() == 2 && !QRegularExpression(R"(^-?\d+$)").match(rest[1]).hasMatch())) {
            r.problems << QString("line %1: bad value or timestamp: %2").arg(n).arg(line);
            continue;
        }
        sample.value = *value;
        const QString family = familyOf(sample.name);
        enterFamily(family, n);
        QStringList key{sample.name};
        for (auto it = sample.labels.cbegin(); it != sample.labels.cend(); ++it) key << it.key() + "=" + it.value();
        if (series.contains(key.join(','))) r.problems << QString("line %1: duplicate series %2").arg(n).arg(key.join(','));
        series.insert(key.join(','));
        r.samples << sample;
    }

    // promtool's lint rules and the histogram invariants.
    for (auto it = r.types.cbegin(); it != r.types.cend(); ++it) {
        const QString& family = it.key();
        if (help.value(family).isEmpty()) r.problems << QString("%1: no help text").arg(family);
        if (!snakeCase.match(family).hasMatch()) r.problems << QString("%1: not snake_case").arg(family);
        if (it.value() == "counter" && !family.endsWith("_total")) r.problems << QString("%1: a counter without the _total suffix").arg(family);
        if (it.value() != "counter" && family.endsWith("_total")) r.problems << QString("%1: _total on a non-counter").arg(family);
        if (it.value() != "histogram") continue;
        QMap<QString, QList<QPair<double, double>>> buckets;  // other labels -> (le, count)
        QMap<QString, double> counts;
        for (const PrometheusSample& s : r.samples) {
            QMap<QString, QString> others = s.labels;
            others.remove("le");
            const QString group = QStringList(others.keys()).join(',') + "|" + QStringList(others.values()).join(',');
            if (s.name == family + "_bucket") {
                const auto le = s.labels.contains("le") ? parsePrometheusValue(s.labels["le"]) : std::nullopt;
                if (!le) r.problems << QString("%1: a bucket without a numeric le").arg(family);
                else buckets[group].append({*le, s.value});
            } else if (s.name == family + "_count") {
                counts[group] = s.value;
            }
        }
        for (auto b = buckets.begin(); b != buckets.end(); ++b) {
            std::sort(b->begin(), b->end());
            for (int k = 1; k < b->size(); ++k)
                if ((*b)[k].second < (*b)[k - 1].second) r.problems << QString("%1: buckets not cumulative").arg(family);
            if (b->isEmpty() || !std::isinf(b->last().first)) r.problems << QString("%1: no le=\"+Inf\" bucket").arg(family);
            else if (!counts.contains(b.key()) || counts[b.key()] != b->last().second)
                r.problems << QString("%1: the +Inf bucket differs from _count").arg(family);
        }
        if (buckets.isEmpty()) r.problems << QString("%1: a histogram without buckets").arg(family);
    }
    for (const PrometheusSample& s : r.samples) {
        const QString family = familyOf(s.name);
        if (!r.types.contains(family)) r.problems << QString("%1: a sample without TYPE").arg(s.name);
        if (r.types.value(family) == "counter" && !(s.value >= 0)) r.problems << QString("%1: a negative counter").arg(s.name);
    }
    return r;
}

} // namespace pb::test
