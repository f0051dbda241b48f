#pragma once
// A line chart of a few named values sampled over time (traffic in/out, hashrate): keeps
// the last `windowSeconds` of samples, scrolls the time axis, and shows values in the SI
// multiple of `unit` that fits the peak (kB/s, MH/s, …). With a bucket width, samples are
// averaged into buckets of that width (one point each), as the stored history is.
#include <QChartView>
#include <QList>
#include <QPointF>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace pb::ui {

class TimeSeriesChart : public QChartView {
    Q_OBJECT
public:
    TimeSeriesChart(const QString& title, const QStringList& seriesNames, const QString& unit, int windowSeconds,
                    QWidget* parent = nullptr);

    // Drops every sample and shows the last `windowSeconds` from now on, averaging samples
    // into buckets of `bucketSeconds` (none: 0).
    void setWindow(int windowSeconds, qint64 bucketSeconds);
    // One value per series, at msecsSinceEpoch.
    void append(qint64 msecsSinceEpoch, const QList<double>& values);
    // Points stored earlier (x: msecs since the epoch), one list per series, go before the
    // samples appended since setWindow().
    void prependHistory(const QList<QList<QPointF>>& history);
    int sampleCount() const;
    // The latest value of a series, in the unit (not scaled).
    double lastValue(int series) const;
    QString axisUnit() const;

private:
    void redraw(qint64 now);

    QList<QLineSeries*> series_;
    QList<QList<QPointF>> samples_;  // unscaled, per series
    QDateTimeAxis* timeAxis_;
    QValueAxis* valueAxis_;
    QString unit_;
    int windowSeconds_;
    qint64 bucketMs_ = 0;
    int lastBucketSamples_ = 0;  // how many samples the newest point averages
};

} // namespace pb::ui
