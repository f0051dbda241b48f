#pragma once
// A TimeSeriesChart with a range selector (10 min, 1 h, 24 h, 7 d): choosing a range loads that
// range's stored history through the node in the background (the GUI never waits for Redis),
// and live samples keep appending, averaged into the range's buckets like the stored ones.
// The history is loaded again once the node has started (before, its storage is not open).
#include "core/node/Node.h"
#include "ui/BackgroundQueries.h"

#include <QWidget>

class QComboBox;

namespace pb::ui {

class TimeSeriesChart;

class HistoryChart : public QWidget {
    Q_OBJECT
public:
    // `stored`: the node's series shown as `seriesNames`, in the same order.
    HistoryChart(Node& node, const QString& title, const QStringList& seriesNames, const QList<HistorySeries>& stored,
                 const QString& unit, QWidget* parent = nullptr);

    // One live value per series, at msecsSinceEpoch.
    void append(qint64 msecsSinceEpoch, const QList<double>& values);
    HistoryRange range() const;
    TimeSeriesChart* chart() const { return chart_; }
    QComboBox* rangeBox() const { return range_; }

signals:
    // The stored history of the chosen range is on the chart.
    void historyShown();

private:
    void loadHistory();

    Node& node_;
    QList<HistorySeries> stored_;
    TimeSeriesChart* chart_;
    QComboBox* range_;
    BackgroundQueries queries_{this};  // last: its queries end before the rest goes
};

} // namespace pb::ui
