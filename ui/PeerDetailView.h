#pragma once
// One peer in detail, grouped: identity, connection, sync, traffic, misbehaviour; with hints
// relative to the other peers (ping against the median) and to this node (height lag).
#include "core/net/PeerInfo.h"

#include <QList>
#include <QWidget>

class QLabel;

namespace pb::ui {

class PeerDetailView : public QWidget {
    Q_OBJECT
public:
    explicit PeerDetailView(QWidget* parent = nullptr);

    // Shows `peer` (one of `all`, the connected peers); `ownHeight` is this node's height.
    void showPeer(const PeerInfo& peer, const QList<PeerInfo>& all, quint64 ownHeight);
    // Nothing selected, or several peers (their count).
    void showNone(int selectedCount = 0);

    QLabel* title() const { return title_; }
    QLabel* pingValue() const { return ping_; }
    QLabel* heightValue() const { return height_; }
    QLabel* misbehaviourValue() const { return misbehaviour_; }

private:
    QLabel* title_;
    QWidget* groups_;
    QLabel *nodeId_, *type_, *version_, *userAgent_;
    QLabel *address_, *direction_, *listenPort_, *since_, *ping_;
    QLabel *height_;
    QLabel *bytesIn_, *bytesOut_, *rate_;
    QLabel* misbehaviour_;
};

} // namespace pb::ui
