#pragma once
// Gathers what the engine's parts know into one NodeSnapshot and hands it to the façade. The
// engine fills in the sources as it builds its parts; a part not built yet is simply absent
// from the snapshot (a node that failed to start still reports what it got to).
#include "core/chain/Chain.h"
#include "core/node/NodeSnapshot.h"

#include <functional>

namespace pb {

class PhotoJobQueue;
class TransferPool;

namespace node {

class BanList;
class BlockProducer;

struct StatusSources {
    // Fixed once the node knows who and where it is.
    QString network, genesisHash, mode, nodeId, rewardAddress, storage;
    quint64 minimumFee = 0;
    quint64 maxPhotoBytes = 0;
    quint16 peerPort = 0;
    int miningThreadsSetting = 1;  // what mining started without a count uses (--threads, or the last start)
    bool mobile = false;
    QStringList recognizerLabels;  // empty when photos cannot be mined
    QString recognizerProblem;
    // Live parts; null until built.
    const Chain* chain = nullptr;
    const BlockProducer* producer = nullptr;
    const TransferPool* transfers = nullptr;
    const PhotoJobQueue* photoJobs = nullptr;
    const BanList* bans = nullptr;
    std::function<QList<PeerInfo>()> peers;
    std::function<TipCheckInfo()> tipCheck;
    std::function<AddressBookSize()> addressBook;
};

class StatusPublisher {
public:
    using SnapshotSink = std::function<void(const NodeSnapshot&)>;

    explicit StatusPublisher(SnapshotSink sink) : sink_(std::move(sink)) {}

    StatusSources& sources() { return sources_; }
    // The network's fixed facts: its genesis, and the photo cap photo jobs are checked against.
    void setNetwork(const NetworkParams& params);
    void publish() const;

private:
    SnapshotSink sink_;
    StatusSources sources_;
};

} // namespace node
} // namespace pb
