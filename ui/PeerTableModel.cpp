#include "ui/PeerTableModel.h"
#include "ui/LocaleFormat.h"

#include <QDateTime>
#include <QLocale>

namespace pb::ui {

QString formatBytes(quint64 bytes) { return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeTraditionalFormat); }

PeerTableModel::PeerTableModel(QObject* parent) : SnapshotTableModel(parent) {}

int PeerTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString PeerTableModel::rowKey(const PeerInfo& peer) const { return QString::number(peer.connectionId); }

bool PeerTableModel::sameRow(const PeerInfo& a, const PeerInfo& b) const
{
    return a.nodeId == b.nodeId && a.address == b.address && a.type == b.type && a.direction == b.direction
        && a.version == b.version && a.height == b.height && a.pingMs == b.pingMs && a.bytesIn == b.bytesIn
        && a.bytesOut == b.bytesOut && a.misbehaviour == b.misbehaviour && a.connectedSince == b.connectedSince;
}

QVariant PeerTableModel::raw(const PeerInfo& p, int column)
{
    switch (column) {
    case NodeId: return p.nodeId;
    case Address: return p.address;
    case Type: return p.type;
    case Direction: return p.direction;
    case Version: return p.version;
    case Height: return p.height;
    case Ping: return p.pingMs;
    case BytesIn: return p.bytesIn;
    case BytesOut: return p.bytesOut;
    case Misbehaviour: return p.misbehaviour;
    case ConnectedSince: return p.connectedSince;
    }
    return {};
}

QVariant PeerTableModel::display(const PeerInfo& p, int column) const
{
    switch (column) {
    case NodeId: return p.nodeId.isEmpty() ? tr("(handshaking)") : p.nodeId.left(16);
    case Ping: return p.pingMs < 0 ? tr("—") : tr("%1 ms").arg(p.pingMs, 0, 'f', 1);
    case BytesIn: return formatBytes(p.bytesIn);
    case BytesOut: return formatBytes(p.bytesOut);
    case ConnectedSince:
        return dateTimeText(QDateTime::fromSecsSinceEpoch(p.connectedSince));
    default: return raw(p, column);
    }
}

QVariant PeerTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rows_.size()) return {};
    const PeerInfo& p = rows_[index.row()];
    switch (role) {
    case Qt::DisplayRole: return display(p, index.column());
    case SortRole: return raw(p, index.column());
    case Qt::ToolTipRole:
        return index.column() == NodeId ? p.nodeId : QString("%1 · %2").arg(p.address, p.userAgent);
    case Qt::TextAlignmentRole: {
        const bool number = index.column() >= Version && index.column() <= Misbehaviour;
        return QVariant::fromValue(Qt::AlignVCenter | (number ? Qt::AlignRight : Qt::AlignLeft));
    }
    default: return {};
    }
}

QVariant PeerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    static const char* const names[] = {QT_TR_NOOP("Node id"), QT_TR_NOOP("Address"), QT_TR_NOOP("Type"),
                                        QT_TR_NOOP("Direction"), QT_TR_NOOP("Version"), QT_TR_NOOP("Height"),
                                        QT_TR_NOOP("Ping"), QT_TR_NOOP("Received"), QT_TR_NOOP("Sent"),
                                        QT_TR_NOOP("Misbehaviour"), QT_TR_NOOP("Connected since")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace pb::ui
