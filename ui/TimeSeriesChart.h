#pragma once
// A line chart of a few named values sampled over time (traffic in/out, hashrates): keeps
// the last `windowSeconds` of samples, scrolls the time axis, and shows values in the SI
// multiple of `unit` that fits the peak (kB/s, MH/s, …).
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

    // One value per series, at msecsSinceEpoch.
    void append(qint64 msecsSinceEpoch, const QList<double>& values);
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
};

} // namespace pb::ui
