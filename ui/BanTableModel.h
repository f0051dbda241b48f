#pragma once
// The banned addresses (Node::bans() snapshots) as a table: address, banned at, until, reason.
#include "core/net/PeerInfo.h"
#include "ui/SnapshotTableModel.h"

namespace pb::ui {

class BanTableModel : public SnapshotTableModel<BanInfo> {
    Q_OBJECT
public:
    enum Column { Address, BannedAt, Until, Reason, ColumnCount };

    explicit BanTableModel(QObject* parent = nullptr);

    BanInfo banAt(int row) const { return rowAt(row); }

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString rowKey(const BanInfo& ban) const override { return ban.address; }
    bool sameRow(const BanInfo& a, const BanInfo& b) const override;
};

} // namespace pb::ui
