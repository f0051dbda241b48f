#include "ui/PeersPage.h"

#include "ui/BanDialog.h"
#include "ui/BanTableModel.h"
#include "ui/HistoryChart.h"
#include "ui/Panes.h"
#include "ui/PeerDetailView.h"
#include "ui/PeerTableModel.h"
#include "ui/TableViews.h"
#include "ui/TimeSeriesChart.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QGroupBox>
#include <QItemSelectionModel>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QUrl>

namespace pb::ui {

namespace {

// The host part of "host:port" or "[v6]:port".
QString hostOf(const QString& address)
{
    const QUrl url("ws://" + address);
    return url.host().isEmpty() ? address.section(':', 0, 0) : url.host();
}

} // namespace

PeersPage::PeersPage(Node& node, QWidget* parent) : QWidget(parent), node_(node)
{
    peers_ = new PeerTableModel(this);
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(peers_);
    proxy_->setSortRole(PeerTableModel::SortRole);
    proxy_->setFilterKeyColumn(-1);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);

    filter_ = new QLineEdit;
    filter_->setPlaceholderText(tr("Filter peers by id, address, type…"));
    filter_->setAccessibleName(tr("Peer filter"));
    filter_->setClearButtonEnabled(true);
    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);

    peerView_ = makeTableView(proxy_, tr("Connected peers"));
    peerView_->setSortingEnabled(true);
    peerView_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    peerView_->sortByColumn(PeerTableModel::ConnectedSince, Qt::AscendingOrder);
    peerView_->setContextMenuPolicy(Qt::CustomContextMenu);
    peerView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(peerView_, &QWidget::customContextMenuRequested, this, &PeersPage::showPeerMenu);
    connect(peerView_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PeersPage::showSelection);
    detail_ = new PeerDetailView;

    bans_ = new BanTableModel(this);
    banView_ = makeTableView(bans_, tr("Banned addresses"));
    auto* unban = new QPushButton(tr("&Unban"));
    unban->setAccessibleName(tr("Lift the selected ban"));
    connect(unban, &QPushButton::clicked, this, &PeersPage::unbanSelected);

    traffic_ = new HistoryChart(node_, tr("Traffic"), {tr("Received"), tr("Sent")}, {HistorySeries::Received, HistorySeries::Sent}, "B/s");
    message_ = new QLabel;
    message_->setAccessibleName(tr("Peers page message"));
    message_->setWordWrap(true);

    // The context actions as buttons too, for the keyboard: disconnect and ban act on the
    // selected rows, copying on the current one.
    auto* actions = new QHBoxLayout;
    actions->addWidget(message_, 1);
    const auto addButton = [this, actions](const QString& text, const QString& name, auto act) {
        auto* button = new QPushButton(text);
        button->setAccessibleName(name);
        actions->addWidget(button);
        connect(button, &QPushButton::clicked, this, act);
    };
    addButton(tr("D&isconnect"), tr("Disconnect the selected peers"), [this] { disconnectSelected(); });
    addButton(tr("&Ban…"), tr("Ban the selected peers"), [this] { banSelected(); });
    addButton(tr("Copy node &id"), tr("Copy the node id"), [this] {
        const QModelIndex current = peerView_->currentIndex();
        if (current.isValid()) copyNodeId(current.row());
        else report(tr("Select a peer first."));
    });

    QWidget* peersBox = column({filter_, peerView_, actions}, peerView_);
    QWidget* peersAndDetail = panes(Qt::Horizontal, peersBox, detail_);
    auto* banAddress = new QPushButton(tr("Ban address or &subnet…"));
    banAddress->setAccessibleName(tr("Ban an address or subnet"));
    connect(banAddress, &QPushButton::clicked, this, &PeersPage::banAddress);
    // Collapsible: a long ban list need not take room from the peers.
    banBox_ = new QGroupBox(tr("Banned addresses"));
    banBox_->setCheckable(true);
    banBox_->setChecked(true);
    banBox_->setAccessibleName(tr("Banned addresses, click the title to fold"));
    QWidget* banContent = column({banView_, rowWithRight({}, {banAddress, unban})}, banView_);
    fill(banBox_, banContent, false);
    connect(banBox_, &QGroupBox::toggled, banContent, &QWidget::setVisible);
    fill(this, panes(Qt::Vertical, peersAndDetail, panes(Qt::Horizontal, traffic_, banBox_)));

    auto* sampler = new QTimer(this);
    connect(sampler, &QTimer::timeout, this, &PeersPage::sampleTraffic);
    sampler->start(1000);
    refresh();
}

void PeersPage::refresh()
{
    peers_->update(node_.peers());
    bans_->update(node_.bans());
    banBox_->setTitle(tr("Banned addresses (%1)").arg(bans_->rowCount()));
    showSelection();
}

QList<PeerInfo> PeersPage::selectedPeers() const
{
    QList<PeerInfo> selected;
    for (const QModelIndex& row : peerView_->selectionModel()->selectedRows())
        selected.append(peers_->peerAt(proxy_->mapToSource(row).row()));
    return selected;
}

void PeersPage::showSelection()
{
    const QList<PeerInfo> selected = selectedPeers();
    if (selected.size() == 1) detail_->showPeer(selected.first(), peers_->rows(), node_.status().height);
    else detail_->showNone(int(selected.size()));
}

void PeersPage::disconnectSelected()
{
    const QList<PeerInfo> selected = selectedPeers();
    if (selected.isEmpty()) return report(tr("Select one or more peers first."));
    int disconnecting = 0;
    for (const PeerInfo& peer : selected) disconnecting += node_.disconnectPeer(QString::number(peer.connectionId)) ? 1 : 0;
    report(tr("Disconnecting %1 of %2 selected peer(s).").arg(disconnecting).arg(selected.size()));
}

void PeersPage::banSelected()
{
    QStringList hosts;
    for (const PeerInfo& peer : selectedPeers())
        if (!hosts.contains(hostOf(peer.address))) hosts << hostOf(peer.address);
    if (hosts.isEmpty()) return report(tr("Select one or more peers first."));
    BanDialog dialog(hosts.join(", "), this);
    if (dialog.exec() != QDialog::Accepted) return;
    QStringList banned, refused;
    for (const QString& host : hosts) {
        QString error;
        if (node_.ban(host, dialog.seconds(), dialog.reason(), &error)) banned << host;
        else refused << tr("%1 (%2)").arg(host, error);
    }
    report(refused.isEmpty() ? tr("Banned %1.").arg(banned.join(", "))
                             : tr("Banned %1; cannot ban %2.").arg(banned.isEmpty() ? tr("none") : banned.join(", "), refused.join("; ")));
}

TimeSeriesChart* PeersPage::trafficChart() const { return traffic_->chart(); }

void PeersPage::sampleTraffic()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    trafficTotals_.sample(node_.peers());
    if (lastSampleMs_ > 0 && now > lastSampleMs_) {
        const double seconds = double(now - lastSampleMs_) / 1000.0;
        traffic_->append(now, {double(trafficTotals_.received() - lastReceived_) / seconds,
                               double(trafficTotals_.sent() - lastSent_) / seconds});
    }
    lastReceived_ = trafficTotals_.received();
    lastSent_ = trafficTotals_.sent();
    lastSampleMs_ = now;
}

void PeersPage::showPeerMenu(const QPoint& position)
{
    const QModelIndex index = peerView_->indexAt(position);
    if (!index.isValid()) return;
    const int row = index.row();
    QMenu menu(this);
    // On a row of a multiple selection, disconnect and ban act on the whole selection.
    const qsizetype selected = peerView_->selectionModel()->selectedRows().size();
    if (peerView_->selectionModel()->isRowSelected(row, {}) && selected > 1) {
        menu.addAction(tr("&Disconnect %1 peers").arg(selected), this, &PeersPage::disconnectSelected);
        menu.addAction(tr("&Ban %1 peers…").arg(selected), this, &PeersPage::banSelected);
    } else {
        menu.addAction(tr("&Disconnect"), this, [this, row] { disconnectPeer(row); });
        menu.addAction(tr("&Ban…"), this, [this, row] { banPeer(row); });
    }
    menu.addAction(tr("&Copy node id"), this, [this, row] { copyNodeId(row); });
    menu.exec(peerView_->viewport()->mapToGlobal(position));
}

void PeersPage::disconnectPeer(int viewRow)
{
    const PeerInfo peer = peers_->peerAt(proxy_->mapToSource(proxy_->index(viewRow, 0)).row());
    if (!node_.disconnectPeer(QString::number(peer.connectionId)))
        report(tr("%1 is no longer connected.").arg(peer.address));
    else
        report(tr("Disconnecting %1.").arg(peer.address));
}

void PeersPage::banPeer(int viewRow)
{
    const PeerInfo peer = peers_->peerAt(proxy_->mapToSource(proxy_->index(viewRow, 0)).row());
    const QString host = hostOf(peer.address);
    BanDialog dialog(host, this);
    if (dialog.exec() != QDialog::Accepted) return;
    QString error;
    if (!node_.ban(host, dialog.seconds(), dialog.reason(), &error))
        report(tr("Cannot ban %1: %2").arg(host, error));
    else
        report(tr("Banned %1.").arg(host));
}

void PeersPage::banAddress()
{
    BanDialog dialog(QString(), this);
    if (dialog.exec() != QDialog::Accepted) return;
    QString error;
    if (!node_.ban(dialog.target(), dialog.seconds(), dialog.reason(), &error))
        report(tr("Cannot ban %1: %2").arg(dialog.target(), error));
    else
        report(tr("Banned %1.").arg(dialog.target()));
}

void PeersPage::copyNodeId(int viewRow)
{
    const PeerInfo peer = peers_->peerAt(proxy_->mapToSource(proxy_->index(viewRow, 0)).row());
    QApplication::clipboard()->setText(peer.nodeId);
    report(tr("Copied the node id of %1.").arg(peer.address));
}

void PeersPage::unbanSelected()
{
    const QModelIndexList rows = banView_->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        report(tr("Select a ban to lift first."));
        return;
    }
    const BanInfo ban = bans_->banAt(rows.first().row());
    if (!node_.unban(ban.address))
        report(tr("%1 is no longer banned.").arg(ban.address));
    else
        report(tr("Lifted the ban of %1.").arg(ban.address));
}

void PeersPage::report(const QString& message) { message_->setText(message); }

} // namespace pb::ui
