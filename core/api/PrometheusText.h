#pragma once
// Writes the Prometheus text exposition format 0.0.4: each family's HELP and TYPE lines, then
// its samples, with label values and help text escaped as the format says.
#include "core/util/DurationHistogram.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace pb::api {

class PrometheusText {
public:
    static constexpr const char* kContentType = "text/plain; version=0.0.4; charset=utf-8";
    using Labels = QList<QPair<QString, QString>>;

    // Starts a family: type is "gauge", "counter" or "histogram". Names must match
    // [a-zA-Z_:][a-zA-Z0-9_:]*; counters end in _total.
    void family(const QString& name, const QString& type, const QString& help);
    // A sample of the current family (suffix "_bucket", "_sum", "_count" for histograms).
    void sample(double value, const Labels& labels = {}, const QString& suffix = {});
    // A whole histogram family of durations in seconds.
    void histogram(const QString& name, const QString& help, const DurationHistogram::Snapshot& snapshot);

    const QByteArray& text() const { return text_; }

private:
    QByteArray text_;
    QString name_;
};

} // namespace pb::api
