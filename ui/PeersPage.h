#pragma once
// Peers: the connected peers (sortable, filterable), traffic over time, and the ban list.
// Context actions on a peer: disconnect, ban (asks for a duration), copy its node id.
#include "core/node/Node.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace pb::ui {

class BanTableModel;
class PeerTableModel;
class TimeSeriesChart;

class PeersPage : public QWidget {
    Q_OBJECT
public:
    explicit PeersPage(Node& node, QWidget* parent = nullptr);

    // Re-reads peers and bans from the node's snapshot.
    void refresh();

    PeerTableModel* peerModel() const { return peers_; }
    QSortFilterProxyModel* peerProxy() const { return proxy_; }
    QTableView* peerView() const { return peerView_; }
    BanTableModel* banModel() const { return bans_; }
    QTableView* banView() const { return banView_; }
    QLineEdit* filterBox() const { return filter_; }
    TimeSeriesChart* trafficChart() const { return traffic_; }

    // The context actions, on a row of the (sorted, filtered) peer view.
    void disconnectPeer(int viewRow);
    void banPeer(int viewRow);
    void copyNodeId(int viewRow);
    void unbanSelected();
    // Asks for an address or CIDR subnet, a duration and a reason, then bans it.
    void banAddress();

private:
    void showPeerMenu(const QPoint& position);
    void sampleTraffic();
    void report(const QString& message);

    Node& node_;
    PeerTableModel* peers_;
    QSortFilterProxyModel* proxy_;
    QTableView* peerView_;
    QLineEdit* filter_;
    BanTableModel* bans_;
    QTableView* banView_;
    TimeSeriesChart* traffic_;
    QLabel* message_;
    QHash<quint64, QPair<quint64, quint64>> lastBytes_;  // connection -> (in, out) at the last sample
    qint64 lastSampleMs_ = 0;
};

} // namespace pb::ui
