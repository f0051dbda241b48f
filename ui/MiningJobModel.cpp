#include "ui/MiningJobModel.h"
#include "ui/LocaleFormat.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace pb::ui {

namespace {

QColor stateColour(JobState state)
{
    switch (state) {
    case JobState::Mined: return QColor(0x27, 0x67, 0x49);
    case JobState::Rejected: return QColor(0xc5, 0x30, 0x30);
    case JobState::Mining: return QColor(0x2b, 0x6c, 0xb0);
    default: return QColor(0x4a, 0x55, 0x68);
    }
}

} // namespace

MiningJobModel::MiningJobModel(QObject* parent) : SnapshotTableModel(parent) {}

bool MiningJobModel::sameRow(const PhotoJob& a, const PhotoJob& b) const
{
    return a.state == b.state && a.detail == b.detail && a.blockHash == b.blockHash && a.updatedAt == b.updatedAt;
}

int MiningJobModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant MiningJobModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rows_.size()) return {};
    const PhotoJob& job = rows_[index.row()];
    if (role == Qt::ForegroundRole && index.column() == State) return QBrush(stateColour(job.state));
    if (role == Qt::ToolTipRole && index.column() == Outcome) return job.blockHash.isEmpty() ? job.detail : job.blockHash;
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Id: return job.id;
    case State: return jobStateName(job.state);
    case Label: return job.label;
    case Vote: return job.vote;
    case Source: return job.source;
    case Outcome: return job.blockHash.isEmpty() ? job.detail : tr("block %1…").arg(job.blockHash.left(16));
    case Queued: return dateTimeText(QDateTime::fromMSecsSinceEpoch(job.createdAt));
    }
    return {};
}

QVariant MiningJobModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Id: return tr("Job");
    case State: return tr("State");
    case Label: return tr("Label");
    case Vote: return tr("Vote");
    case Source: return tr("Source");
    case Outcome: return tr("Outcome");
    case Queued: return tr("Queued");
    }
    return {};
}

} // namespace pb::ui
