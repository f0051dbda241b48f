#pragma once
// Peers: the connected peers (sortable, filterable, several selectable), the selected peer in
// detail, traffic over time (with its stored history), and the ban list (collapsible). Disconnect and ban act on every
// selected peer; copy the node id on the current one; any address or CIDR subnet can be banned.
#include "core/net/TrafficTotals.h"
#include "core/node/Node.h"

#include <QWidget>

class QGroupBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace pb::ui {

class BanTableModel;
class HistoryChart;
class PeerDetailView;
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
    TimeSeriesChart* trafficChart() const;
    HistoryChart* trafficHistory() const { return traffic_; }
    PeerDetailView* detailView() const { return detail_; }
    QGroupBox* banBox() const { return banBox_; }
    QLabel* messageLabel() const { return message_; }

    // The context actions, on a row of the (sorted, filtered) peer view.
    void disconnectPeer(int viewRow);
    void banPeer(int viewRow);
    void copyNodeId(int viewRow);
    void unbanSelected();
    // Every selected peer (rows of the view): disconnects them; bans their hosts once each
    // after one dialog.
    void disconnectSelected();
    void banSelected();
    // Asks for an address or CIDR subnet, a duration and a reason, then bans it.
    void banAddress();

private:
    void showPeerMenu(const QPoint& position);
    QList<PeerInfo> selectedPeers() const;
    void showSelection();
    void sampleTraffic();
    void report(const QString& message);

    Node& node_;
    PeerTableModel* peers_;
    QSortFilterProxyModel* proxy_;
    QTableView* peerView_;
    QLineEdit* filter_;
    BanTableModel* bans_;
    QTableView* banView_;
    QGroupBox* banBox_;
    PeerDetailView* detail_;
    HistoryChart* traffic_;
    QLabel* message_;
    net::TrafficTotals trafficTotals_;
    quint64 lastReceived_ = 0, lastSent_ = 0;  // the totals at the last sample
    qint64 lastSampleMs_ = 0;
};

} // namespace pb::ui
