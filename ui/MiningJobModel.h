#pragma once
// The mining job queue (Node::miningJobs() snapshots), oldest first: id, state, label, vote,
// source, what happened (detail or the mined block) and when it was queued.
#include "core/mining/PhotoJob.h"
#include "ui/SnapshotTableModel.h"

namespace pb::ui {

class MiningJobModel : public SnapshotTableModel<PhotoJob> {
    Q_OBJECT
public:
    enum Column { Id, State, Label, Vote, Source, Outcome, Queued, ColumnCount };

    explicit MiningJobModel(QObject* parent = nullptr);

    PhotoJob jobAt(int row) const { return rowAt(row); }

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString rowKey(const PhotoJob& job) const override { return job.id; }
    bool sameRow(const PhotoJob& a, const PhotoJob& b) const override;
};

} // namespace pb::ui
