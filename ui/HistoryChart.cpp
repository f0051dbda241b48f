#include "ui/HistoryChart.h"

#include "ui/Panes.h"
#include "ui/TimeSeriesChart.h"

#include <QComboBox>
#include <QLabel>

namespace pb::ui {

HistoryChart::HistoryChart(Node& node, const QString& title, const QStringList& seriesNames,
                           const QList<HistorySeries>& stored, const QString& unit, QWidget* parent)
    : QWidget(parent), node_(node), stored_(stored)
{
    chart_ = new TimeSeriesChart(title, seriesNames, unit, int(historySpanSeconds(HistoryRange::TenMinutes)));
    range_ = new QComboBox;
    range_->setAccessibleName(tr("%1 chart range").arg(title));
    range_->addItem(tr("10 min"), int(HistoryRange::TenMinutes));
    range_->addItem(tr("1 h"), int(HistoryRange::OneHour));
    range_->addItem(tr("24 h"), int(HistoryRange::OneDay));
    range_->addItem(tr("7 d"), int(HistoryRange::SevenDays));
    range_->setToolTip(tr("How far back the chart goes; the node keeps this history across restarts"));
    auto* label = new QLabel(tr("&Range:"));
    label->setBuddy(range_);
    connect(range_, &QComboBox::currentIndexChanged, this, &HistoryChart::loadHistory);
    connect(&node_, &Node::started, this, &HistoryChart::loadHistory);
    fill(this, column({rowWithRight({}, {label, range_}), chart_}, chart_), false);
    loadHistory();
}

HistoryRange HistoryChart::range() const { return HistoryRange(range_->currentData().toInt()); }

void HistoryChart::append(qint64 msecsSinceEpoch, const QList<double>& values) { chart_->append(msecsSinceEpoch, values); }

void HistoryChart::loadHistory()
{
    const HistoryRange range = this->range();
    chart_->setWindow(int(historySpanSeconds(range)), historyBucketSeconds(range));
    queries_.runLatest(
        [node = &node_, stored = stored_, range] {
            // A node not started yet (or storage unreachable) has no history: the chart starts empty.
            QList<QList<QPointF>> history;
            for (HistorySeries series : stored) {
                QList<QPointF> points;
                for (const HistoryPoint& p : node->history(series, range, nullptr)) points.append(QPointF(double(p.time) * 1000, p.value));
                history.append(points);
            }
            return history;
        },
        [this](const QList<QList<QPointF>>& history) {
            chart_->prependHistory(history);
            emit historyShown();
        });
}

} // namespace pb::ui
