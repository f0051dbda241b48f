#include "ui/TimeSeriesChart.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>
#include <cmath>

namespace pb::ui {

namespace {

constexpr qint64 kMinimumSpanMs = 60 * 1000;

struct Scale {
    double divisor;
    QString prefix;
};

Scale scaleFor(double peak)
{
    static const Scale scales[] = {{1e12, "T"}, {1e9, "G"}, {1e6, "M"}, {1e3, "k"}};
    for (const Scale& s : scales)
        if (peak >= s.divisor) return s;
    return {1, ""};
}

} // namespace

TimeSeriesChart::TimeSeriesChart(const QString& title, const QStringList& seriesNames, const QString& unit,
                                 int windowSeconds, QWidget* parent)
    // The chart is handed over at construction: setChart() would orphan the default chart.
    : QChartView(new QChart, parent), timeAxis_(new QDateTimeAxis), valueAxis_(new QValueAxis), unit_(unit),
      windowSeconds_(windowSeconds)
{
    QChart* chart = this->chart();
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    timeAxis_->setTickCount(4);
    valueAxis_->setLabelFormat("%.4g");
    chart->addAxis(timeAxis_, Qt::AlignBottom);
    chart->addAxis(valueAxis_, Qt::AlignLeft);
    for (const QString& name : seriesNames) {
        auto* series = new QLineSeries;
        series->setName(name);
        chart->addSeries(series);
        series->attachAxis(timeAxis_);
        series->attachAxis(valueAxis_);
        series_.append(series);
        samples_.append(QList<QPointF>());
    }
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(200);
    setAccessibleName(title);
    setWindow(windowSeconds, 0);
}

void TimeSeriesChart::setWindow(int windowSeconds, qint64 bucketSeconds)
{
    windowSeconds_ = windowSeconds;
    bucketMs_ = bucketSeconds * 1000;
    lastBucketSamples_ = 0;
    for (QList<QPointF>& points : samples_) points.clear();
    // Over a day the date matters; ISO order reads the same in every language.
    timeAxis_->setFormat(windowSeconds > 86400 ? "MM-dd HH:mm" : windowSeconds > 3600 ? "HH:mm" : "HH:mm:ss");
    redraw(QDateTime::currentMSecsSinceEpoch());
}

void TimeSeriesChart::append(qint64 msecsSinceEpoch, const QList<double>& values)
{
    const double oldest = double(msecsSinceEpoch - qint64(windowSeconds_) * 1000);
    const qint64 at = bucketMs_ > 0 ? msecsSinceEpoch - msecsSinceEpoch % bucketMs_ : msecsSinceEpoch;
    const bool sameBucket = bucketMs_ > 0 && !samples_.isEmpty() && !samples_.first().isEmpty()
                            && qint64(samples_.first().last().x()) == at;
    // A stored bucket (how many samples it averages is not known) counts as one sample.
    const int weight = std::max(1, lastBucketSamples_);
    for (int i = 0; i < samples_.size() && i < values.size(); ++i) {
        QList<QPointF>& points = samples_[i];
        const double value = std::max(0.0, values[i]);
        if (sameBucket) points.last().setY((points.last().y() * weight + value) / (weight + 1));
        else points.append(QPointF(double(at), value));
        qsizetype expired = 0;
        while (expired < points.size() && points[expired].x() < oldest) ++expired;
        points.remove(0, expired);
    }
    lastBucketSamples_ = sameBucket ? weight + 1 : 1;
    redraw(msecsSinceEpoch);
}

void TimeSeriesChart::prependHistory(const QList<QList<QPointF>>& history)
{
    for (int i = 0; i < samples_.size() && i < history.size(); ++i) {
        QList<QPointF>& points = samples_[i];
        // Where a stored bucket and a live one meet, the live one (newer samples) is kept.
        QList<QPointF> merged;
        for (const QPointF& p : history[i])
            if (points.isEmpty() || p.x() < points.first().x()) merged.append(p);
        points = merged + points;
    }
    redraw(QDateTime::currentMSecsSinceEpoch());
}

void TimeSeriesChart::redraw(qint64 now)
{
    // The axis spans the samples so far (at least a minute), up to the whole window.
    qint64 start = now - qint64(windowSeconds_) * 1000;
    if (!samples_.isEmpty() && !samples_.first().isEmpty())
        start = std::max(start, std::min(qint64(samples_.first().first().x()), now - kMinimumSpanMs));
    timeAxis_->setRange(QDateTime::fromMSecsSinceEpoch(start), QDateTime::fromMSecsSinceEpoch(now));
    double peak = 0;
    for (const QList<QPointF>& points : samples_)
        for (const QPointF& p : points) peak = std::max(peak, p.y());
    const Scale scale = scaleFor(peak);
    for (int i = 0; i < samples_.size(); ++i) {
        QList<QPointF> scaled = samples_[i];
        for (QPointF& p : scaled) p.setY(p.y() / scale.divisor);
        series_[i]->replace(scaled);
    }
    // A round upper bound a little above the peak, so the lines never touch the frame.
    const double top = peak / scale.divisor;
    const double step = top > 0 ? std::pow(10.0, std::floor(std::log10(top))) : 1.0;
    valueAxis_->setRange(0, std::max(1.0, std::ceil(top * 1.1 / step) * step));
    valueAxis_->setTitleText(scale.prefix + unit_);
}

int TimeSeriesChart::sampleCount() const { return samples_.isEmpty() ? 0 : int(samples_.first().size()); }

double TimeSeriesChart::lastValue(int series) const
{
    const QList<QPointF> points = samples_.value(series);
    return points.isEmpty() ? 0.0 : points.last().y();
}

QString TimeSeriesChart::axisUnit() const { return valueAxis_->titleText(); }

} // namespace pb::ui
