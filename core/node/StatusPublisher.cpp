#include "core/node/StatusPublisher.h"

#include "core/node/BanList.h"
#include "core/node/BlockProducer.h"
#include "core/node/PhotoJobQueue.h"
#include "core/node/TransferPool.h"
#include "core/util/HexText.h"

namespace pb::node {

void StatusPublisher::setNetwork(const NetworkParams& params)
{
    sources_.genesisHash = hexText(params.genesisHash());
    sources_.maxPhotoBytes = params.maxPhotoBytes;
}

void StatusPublisher::publish() const
{
    const StatusSources& in = sources_;
    NodeStatus s;
    s.ready = in.chain != nullptr;
    s.network = in.network;
    s.genesisHash = in.genesisHash;
    s.mode = in.mode;
    s.nodeId = in.nodeId;
    s.rewardAddress = in.rewardAddress;
    s.storage = in.storage;
    if (in.chain) {
        s.height = in.chain->tip().height;
        s.tipHash = hexText(in.chain->tip().hash);
        s.tipTime = qint64(in.chain->tip().time);
        s.bestHeaderHeight = in.chain->bestHeader().height;
    }
    if (in.producer) {
        const mining::Miner& miner = in.producer->miner();
        s.mining = miner.isRunning();
        s.miningThreads = s.mining ? miner.threadCount() : 0;
        s.miningThreadsSetting = in.miningThreadsSetting;
        s.miningBackend = QString::fromStdString(crypto::backendName(miner.backend()));
        if (s.mining) s.miningPausedFor = in.producer->pausedFor();
        s.hashrate10s = miner.meter().rate(10);
        s.hashrate60s = miner.meter().rate(60);
        s.hashrate15m = miner.meter().rate(15 * 60);
        s.blocksFound = in.producer->blocksFound();
        s.rewardsUnits = in.producer->rewardsUnits();
    }
    if (in.transfers) {
        s.mempoolTransfers = int(in.transfers->mempool().size());
        s.mempoolBytes = qint64(in.transfers->mempool().bytes());
    }
    s.peerPort = in.peerPort;
    if (in.mobile) s.tipCheck = in.tipCheck ? in.tipCheck() : TipCheckInfo{};
    if (in.addressBook) s.addressBook = in.addressBook();
    s.minimumFee = in.minimumFee;
    s.maxPhotoBytes = in.maxPhotoBytes;
    QList<PeerInfo> peers;
    if (in.peers) peers = in.peers();
    for (const PeerInfo& p : peers) s.peers += p.nodeId.isEmpty() ? 0 : 1;
    QList<PhotoJob> jobs;
    if (in.photoJobs)
        for (const PhotoJob& job : in.photoJobs->jobs()) jobs.append(job);
    sink_({s, peers, in.bans ? in.bans->list() : QList<BanInfo>{}, jobs, in.recognizerLabels, in.recognizerProblem});
}

} // namespace pb::node
