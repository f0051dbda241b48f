#pragma once
// The engine's state at a glance, as published for the GUI and the API: copied, never shared.
#include "core/net/PeerInfo.h"
#include "core/net/TipCheckInfo.h"
#include <QMetaType>
#include <QString>
#include <optional>

namespace pb {

struct NodeStatus {
    quint64 revision = 0;        // grows with every snapshot published: equal revisions, equal status
    bool ready = false;          // storage up and chain loaded
    QString network;
    QString genesisHash;
    QString mode;
    QString nodeId;              // hex SHA-256 of the node public key
    QString rewardAddress;
    QString storage;             // where the chain lives (socket or URL, no secrets)
    quint64 height = 0;
    QString tipHash;
    qint64 tipTime = 0;          // seconds since the epoch
    quint64 bestHeaderHeight = 0; // the best header known: above height while blocks download
    bool mining = false;
    int miningThreads = 0;
    int miningThreadsSetting = 1; // what mining started without a count uses (--threads, or the last start)
    QString miningBackend;       // e.g. "sha-ni"
    QString miningPausedFor;     // "initial_sync" or "clock" while mining waits (BlockProducer); else empty
    double hashrate10s = 0, hashrate60s = 0, hashrate15m = 0;
    quint64 blocksFound = 0;
    quint64 rewardsUnits = 0;    // coinbase value of blocks this node found
    int peers = 0;               // connected peers that completed the handshake
    int mempoolTransfers = 0;    // pending transfers, and their encodings' size
    qint64 mempoolBytes = 0;
    quint16 peerPort = 0;        // where this node accepts peers
    std::optional<TipCheckInfo> tipCheck;  // mobile mode: the tip compared with full peers
    AddressBookSize addressBook;  // how many addresses and catalogue nodes this node keeps
    quint64 minimumFee = 0;      // units: the smallest transfer fee this node's mempool admits
    quint64 maxPhotoBytes = 0;   // the largest photo a photo job may carry: this network's photo cap
};

} // namespace pb

Q_DECLARE_METATYPE(pb::NodeStatus)
