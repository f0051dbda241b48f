#include "ui/PeerDetailView.h"

#include "core/net/PeerManager.h"

#include "ui/FormRows.h"
#include "ui/PeerQuality.h"
#include "ui/PeerTableModel.h"

#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

namespace pb::ui {

namespace {

// The misbehaviour score at which a peer is banned by default (the node does not publish its
// setting).
const int kBanScore = net::NetSettings{}.misbehaviourThreshold;

QFormLayout* group(QVBoxLayout* layout, const QString& title)
{
    auto* box = new QGroupBox(title);
    auto* form = new QFormLayout(box);
    layout->addWidget(box);
    return form;
}

} // namespace

PeerDetailView::PeerDetailView(QWidget* parent) : QWidget(parent)
{
    title_ = makeTitle(tr("No peer selected"), tr("Peer detail title"));
    groups_ = new QWidget;
    auto* groups = new QVBoxLayout(groups_);
    groups->setContentsMargins(0, 0, 0, 0);
    QFormLayout* identity = group(groups, tr("Identity"));
    nodeId_ = addValueRow(identity, tr("Node id"), tr("Peer node id"));
    nodeId_->setWordWrap(true);
    type_ = addValueRow(identity, tr("Type"), tr("Peer type"));
    version_ = addValueRow(identity, tr("Protocol"), tr("Peer protocol version"));
    userAgent_ = addValueRow(identity, tr("Software"), tr("Peer software"));
    QFormLayout* connection = group(groups, tr("Connection"));
    address_ = addValueRow(connection, tr("Address"), tr("Peer address"));
    direction_ = addValueRow(connection, tr("Direction"), tr("Peer direction"));
    listenPort_ = addValueRow(connection, tr("Accepts peers on"), tr("Peer listen port"));
    since_ = addValueRow(connection, tr("Connected"), tr("Peer connected since"));
    ping_ = addValueRow(connection, tr("Ping"), tr("Peer ping"));
    QFormLayout* sync = group(groups, tr("Sync"));
    height_ = addValueRow(sync, tr("Height"), tr("Peer height"));
    QFormLayout* traffic = group(groups, tr("Traffic"));
    bytesIn_ = addValueRow(traffic, tr("Received"), tr("Bytes received from the peer"));
    bytesOut_ = addValueRow(traffic, tr("Sent"), tr("Bytes sent to the peer"));
    rate_ = addValueRow(traffic, tr("Average"), tr("Peer average traffic"));
    QFormLayout* misbehaviour = group(groups, tr("Misbehaviour"));
    misbehaviour_ = addValueRow(misbehaviour, tr("Score"), tr("Peer misbehaviour score"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title_);
    layout->addWidget(groups_);
    layout->addStretch(1);  // the title stays on top while the groups are hidden
    showNone();
}

void PeerDetailView::showNone(int selectedCount)
{
    title_->setText(selectedCount > 1 ? tr("%1 peers selected").arg(selectedCount) : tr("No peer selected"));
    groups_->setVisible(false);
}

void PeerDetailView::showPeer(const PeerInfo& peer, const QList<PeerInfo>& all, quint64 ownHeight)
{
    title_->setText(tr("Peer %1").arg(peer.address));
    groups_->setVisible(true);
    nodeId_->setText(peer.nodeId.isEmpty() ? tr("not known until the handshake completes") : peer.nodeId);
    type_->setText(peer.type.isEmpty() ? QStringLiteral("—") : peer.type);
    version_->setText(peer.version ? QString::number(peer.version) : QStringLiteral("—"));
    userAgent_->setText(peer.userAgent.isEmpty() ? QStringLiteral("—") : peer.userAgent);
    address_->setText(peer.address);
    direction_->setText(peer.direction == "inbound" ? tr("inbound: it connected to us") : tr("outbound: we connected to it"));
    listenPort_->setText(peer.listenPort ? QString::number(peer.listenPort) : tr("none announced"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 age = std::max<qint64>(1, now - peer.connectedSince);
    since_->setText(tr("%1 (%2 min ago)")
                        .arg(QDateTime::fromSecsSinceEpoch(peer.connectedSince).toString("yyyy-MM-dd HH:mm:ss"))
                        .arg(age / 60));
    ping_->setText(pingHint(peer, all));
    height_->setText(tr("%1, %2").arg(peer.height).arg(heightHint(peer.height, ownHeight)));
    bytesIn_->setText(formatBytes(peer.bytesIn));
    bytesOut_->setText(formatBytes(peer.bytesOut));
    rate_->setText(tr("%1/s in, %2/s out").arg(formatBytes(peer.bytesIn / quint64(age)), formatBytes(peer.bytesOut / quint64(age))));
    misbehaviour_->setText(peer.misbehaviour == 0 ? tr("0: well behaved")
                                                  : tr("%1 (peers are banned at %2 by default)").arg(peer.misbehaviour).arg(kBanScore));
}

} // namespace pb::ui
