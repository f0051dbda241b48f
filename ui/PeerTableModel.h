#pragma once
// The connected peers as a table (one row per connection), refreshed from Node::peers()
// snapshots; a refresh updates only the rows that changed.
#include "core/net/PeerInfo.h"
#include "ui/SnapshotTableModel.h"

namespace pb::ui {

class PeerTableModel : public SnapshotTableModel<PeerInfo> {
    Q_OBJECT
public:
    enum Column { NodeId, Address, Type, Direction, Version, Height, Ping, BytesIn, BytesOut, Misbehaviour, ConnectedSince, ColumnCount };
    // Raw values (numbers, full ids) for sorting and for callers; DisplayRole is formatted.
    static constexpr int SortRole = Qt::UserRole;

    explicit PeerTableModel(QObject* parent = nullptr);

    PeerInfo peerAt(int row) const { return rowAt(row); }

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString rowKey(const PeerInfo& peer) const override;
    bool sameRow(const PeerInfo& a, const PeerInfo& b) const override;

private:
    QVariant display(const PeerInfo& peer, int column) const;
    static QVariant raw(const PeerInfo& peer, int column);
};

// "1.5 MiB": a byte count for people.
QString formatBytes(quint64 bytes);

} // namespace pb::ui
