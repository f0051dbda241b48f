#include "core/node/NodeEngine.h"
#include "core/node/PeerStoreCatalogue.h"

#include "core/net/ConnectionManager.h"
#include "core/net/PeerManager.h"
#include "core/net/NodePack.h"
#include "core/node/BanList.h"
#include "core/node/BlockProducer.h"
#include "core/node/BlockPruner.h"
#include "core/node/Guarded.h"
#include "core/node/NetworkFile.h"
#include "core/node/PhotoJobQueue.h"
#include "core/node/PhotoVerifier.h"
#include "core/node/RecognizerChoice.h"
#include "core/node/StorageSession.h"
#include "core/node/TrafficHistory.h"
#include "core/node/TransferPool.h"
#include "core/photo/Recognizer.h"
#include "core/util/HexText.h"
#include "core/wallet/Keystore.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace pb {

namespace {

qint64 nowSeconds() { return QDateTime::currentSecsSinceEpoch(); }

} // namespace

NodeEngine::NodeEngine(const NodeConfig& config, Logger& log, SnapshotSink publish)
    : config_(config), log_(log), publisher_(std::move(publish)), statusTimer_(this)
{
    statusTimer_.setInterval(1000);
    connect(&statusTimer_, &QTimer::timeout, this, [this] {
        node::guarded(log_, "status update", [this] {
            storage_->keepAlive();
            if (history_) history_->tick();
            bans_->dropExpired();
            pruneBodies();
            publishStatus();
        });
    });
}

NodeEngine::~NodeEngine() { shutdown(); }

QString NodeEngine::prepareDataDir()
{
    if (config_.dataDir.isEmpty()) return "no data directory given (use --datadir)";
    QDir dir(config_.dataDir);
    if (!dir.mkpath(".")) return QString("cannot create data directory %1").arg(config_.dataDir);
    const QFileInfo info(dir.absolutePath());
    if (!info.isDir() || !info.isWritable()) return QString("data directory %1 is not writable").arg(dir.absolutePath());
    config_.dataDir = dir.absolutePath();

    lock_ = std::make_unique<QLockFile>(dir.filePath(".lock"));
    lock_->setStaleLockTime(0);
    if (!lock_->tryLock(100)) {
        qint64 pid = 0;
        QString host, app;
        lock_->getLockInfo(&pid, &host, &app);
        return QString("data directory %1 is in use by another node (pid %2)").arg(dir.absolutePath()).arg(pid);
    }
    QString error;
    if (!log_.openFile(dir.filePath("node.log"), &error)) return error;

    nodeKey_ = crypto::Ed25519Key::loadOrCreate(dir.filePath("node.key"), &error);
    if (!nodeKey_) return error;
    return chooseRewardAddress();
}

QString NodeEngine::chooseRewardAddress()
{
    if (config_.rewardAddress.isEmpty()) {
        // The wallet's default address when there is a wallet, else the node key's own.
        wallet::KeystoreError walletError;
        const auto keystore = wallet::Keystore::readPublic(wallet::Keystore::fileIn(config_.dataDir), &walletError);
        const auto walletDefault = keystore ? crypto::decodeAddress(keystore->defaultAddress().toStdString()) : std::nullopt;
        if (!keystore && walletError.kind != wallet::KeystoreError::NotFound)
            log_.warning(QString("rewards go to the node key's address: %1").arg(walletError.message));
        rewardAddress_ = walletDefault ? *walletDefault : crypto::addressFromPublicKey(nodeKey_->publicKey());
    } else {
        const auto decoded = crypto::decodeAddress(config_.rewardAddress.toStdString());
        if (!decoded) return QString("reward address '%1' is not a valid Photoblocks address").arg(config_.rewardAddress);
        rewardAddress_ = *decoded;
    }
    return {};
}

QString NodeEngine::initialize()
{
    if (QString error = prepareDataDir(); !error.isEmpty()) return error;
    std::string recognizerError;
    recognizer_ = createRecognizer(config_, &recognizerError);
    ResolvedNetwork network = resolveNetwork(config_, uint64_t(nowSeconds()), recognizer_ ? recognizer_->identity() : std::string());
    if (!network.params) return network.error;
    if (!network.note.isEmpty()) log_.info(network.note);
    params_ = std::move(network.params);
    QString error;
    storage_ = node::StorageSession::open(config_.dataDir, config_.redisUrl, config_.network, log_, &error);
    if (!storage_) return error;
    connect(storage_.get(), &node::StorageSession::reconnected, this, [this] { reloadChain(); });
    connect(storage_.get(), &node::StorageSession::failed, this, &NodeEngine::storageFailed);
    checkRecognizer(QString::fromStdString(recognizerError));

    publisher_.setNetwork(*params_);
    node::StatusSources& status = publisher_.sources();
    status.network = config_.network;
    status.mode = modeName(config_.mode);
    status.nodeId = hexText(nodeIdForKey(nodeKey_->publicKey()));
    status.rewardAddress = QString::fromStdString(crypto::encodeAddress(rewardAddress_));
    status.storage = storage_->endpoint().toString();
    status.minimumFee = config_.minimumFee;
    status.miningThreadsSetting = config_.threads;
    status.mobile = config_.mode == NodeMode::Mobile;
    status.recognizerProblem = recognizerProblem_;
    if (recognizer_ && recognizerProblem_.isEmpty())
        for (const std::string& label : recognizer_->labels()) status.recognizerLabels.append(QString::fromStdString(label));

    if (QString error = startChain(); !error.isEmpty()) return error;
    const TipInfo& tip = chain_->tip();
    log_.info(QString("node %1 on network %2 as %3, data in %4, storage %5")
                  .arg(status.nodeId.left(16), config_.network, modeName(config_.mode), config_.dataDir, status.storage));
    log_.info(QString("chain loaded: height %1 tip %2").arg(tip.height).arg(hexText(tip.hash)));
    log_.info(QString("rewards go to %1").arg(status.rewardAddress));

    if (QString error = startNetwork(); !error.isEmpty()) return error;
    try {
        saveNodePack();
    } catch (const StoreError& e) {
        return QString("cannot save the node pack: %1").arg(e.what());
    }

    producer_ = std::make_unique<node::BlockProducer>(*chain_, *photoJobs_, *photoVerifier_, *transfers_, rewardAddress_, log_,
                                                      [this](const AcceptResult& r) { reportChainChange(r, true); });
    status.producer = producer_.get();
    history_ = std::make_unique<node::TrafficHistory>(
        storage_->series(), log_,
        node::TrafficHistory::Sources{status.peers, [this](int seconds) { return producer_->miner().meter().rate(seconds); }},
        nowSeconds);
    if (config_.mine) startMining(config_.threads);
    statusTimer_.start();
    publishStatus();
    return {};
}

QString NodeEngine::startChain()
{
    node::StatusSources& status = publisher_.sources();
    try {
        storage_->chain().checkSchema();
        // A mobile node cannot undo blocks whose bodies it pruned: its limit is the window.
        const bool mobile = config_.mode == NodeMode::Mobile;
        chain_ = std::make_unique<Chain>(*params_, storage_->chain(),
                                         mobile ? std::min(config_.maxReorgDepth, config_.pruneWindow) : config_.maxReorgDepth);
        chain_->setSignatureVerifier(signatures_);
        photoVerifier_ = std::make_unique<node::PhotoVerifier>(recognizer_.get(), recognizerProblem_);
        chain_->setPhotoVerifier([this](const Hash256& photoHash, const Bytes&, const std::string& label) {
            return photoVerifier_->known(photoHash, label);
        });
        chain_->load();
        status.chain = chain_.get();
        bans_ = std::make_unique<node::BanList>(storage_->peers(), log_, nowSeconds, config_.banSubnets);
        bans_->load();
        status.bans = bans_.get();
        photoJobs_ = std::make_unique<PhotoJobQueue>(storage_->jobs(), config_.dataDir, recognizer_.get(), recognizerProblem_, log_);
        connect(photoJobs_.get(), &PhotoJobQueue::changed, this, [this] {
            node::guarded(log_, "mining job update", [this] {
                if (producer_ && producer_->photoJobChanged()) producer_->refreshTemplate();
                publishStatus();
            });
        });
        photoJobs_->load();
        status.photoJobs = photoJobs_.get();
        MempoolPolicy policy;
        policy.minimumFee = config_.minimumFee;
        transfers_ = std::make_unique<TransferPool>(*params_, storage_->chain(), storage_->mempool(), log_, policy, signatures_);
        transfers_->load();
        status.transfers = transfers_.get();
        if (mobile) startPruning();
    } catch (const StoreError& e) {
        return QString("cannot load the chain: %1").arg(e.what());
    }
    return {};
}

void NodeEngine::shutdown()
{
    statusTimer_.stop();
    // First, so no verdict comes back into the network parts being taken down.
    if (photoVerifier_) photoVerifier_->stop();
    history_.reset();
    if (connections_) connections_->closeAll("node shutting down");
    connections_.reset();
    net_.reset();
    producer_.reset();  // stops the miner threads
    if (chain_ && storage_) {
        try {
            saveNodePack();
        } catch (const StoreError& e) {
            log_.warning(QString("could not save the node pack at shutdown: %1").arg(e.what()));
        }
    }
    publisher_.sources() = {};
    pruner_.reset();
    transfers_.reset();
    photoJobs_.reset();  // waits for a recognition in progress
    bans_.reset();
    chain_.reset();
    photoVerifier_.reset();
    storage_.reset();  // stops an embedded redis-server
    if (lock_) lock_->unlock();
    lock_.reset();
}

void NodeEngine::checkRecognizer(const QString& creationError)
{
    if (!recognizer_) {
        recognizerProblem_ = QString("no photo recognizer (%1): photo blocks can be neither validated nor mined")
                                 .arg(creationError);
    } else if (recognizer_->identity() != params_->recognizerIdentity) {
        recognizerProblem_ = QString("this node's recognizer (identity %1) differs from the one network %2 pins (%3): "
                                     "photo blocks can be neither validated nor mined")
                                 .arg(QString::fromStdString(recognizer_->identity()), config_.network,
                                      QString::fromStdString(params_->recognizerIdentity));
    }
    if (!recognizerProblem_.isEmpty()) log_.error(recognizerProblem_);
}

void NodeEngine::submitPhotoJob(const PhotoJob& job, const QByteArray& photo)
{
    if (photoJobs_) node::guarded(log_, "queuing a mining job", [&] { photoJobs_->submit(job, Bytes(photo.begin(), photo.end())); });
}

void NodeEngine::cancelPhotoJob(const QString& id)
{
    if (photoJobs_) node::guarded(log_, "cancelling a mining job", [&] { photoJobs_->cancel(id); });
}

MempoolAdmission NodeEngine::submitTransfer(const Bytes& raw, const QString& source, quint64 fromPeer)
{
    MempoolAdmission admission;
    admission.id = txId(raw);
    if (!transfers_) {
        admission.check = {TxError::Unavailable, "the node is not running"};
        return admission;
    }
    try {
        admission = transfers_->submit(raw, source);
    } catch (const StoreError& e) {
        log_.error(QString("cannot admit a transfer: %1").arg(e.what()));
        admission.check = {TxError::Unavailable, std::string("storage failed: ") + e.what()};
        return admission;
    }
    if (!admission.ok()) return admission;
    if (net_) net_->announceTransactions({admission.id}, fromPeer);
    if (producer_) producer_->refreshSoon();
    return admission;
}

void NodeEngine::startPruning()
{
    pruner_ = std::make_unique<BlockPruner>(config_.pruneWindow, *params_, storage_->chain(), storage_->pruning(), storage_->photos(), log_);
    log_.info(QString("mobile mode: keeping the bodies and photos of the newest %1 blocks (pruned below height %2); "
                      "reorganisations deeper than %3 blocks are refused")
                  .arg(config_.pruneWindow).arg(storage_->pruning().prunedBelow()).arg(std::min(config_.maxReorgDepth, config_.pruneWindow)));
    pruneBodies();  // finishes what a crash may have interrupted
}

void NodeEngine::pruneBodies()
{
    if (!pruner_ || !chain_ || storage_->isLost()) return;
    // Its own guard: a failed pass must not cost the status update that follows it.
    node::guarded(log_, "pruning block bodies", [this] { pruner_->prune(chain_->tip().height, nowSeconds()); });
}

void NodeEngine::fetchPrunedBody(const Hash256& hash)
{
    if (pruner_ && net_) node::guarded(log_, "fetching a pruned body", [&] { net_->fetchBody(hash); });
}

void NodeEngine::restorePrunedBody(const Hash256& hash, const Bytes& block, const Bytes& photo)
{
    if (!pruner_) return;
    node::guarded(log_, "storing a fetched body", [&] {
        QString why;
        if (pruner_->restore(hash, block, photo, nowSeconds(), &why))
            log_.info(QString("fetched the pruned body of block %1 from a peer").arg(hexText(hash)));
        else
            log_.warning(QString("a peer sent an unusable body for pruned block %1: %2").arg(hexText(hash), why));
    });
}

void NodeEngine::reloadChain()
{
    // A server that died may have lost its last second of writes: trust storage, not memory.
    if (!chain_) return;
    try {
        chain_->load();
        log_.info(QString("chain reloaded: height %1 tip %2").arg(chain_->tip().height).arg(hexText(chain_->tip().hash)));
        if (transfers_) transfers_->chainChanged({});
    } catch (const StoreError& e) {
        log_.error(QString("cannot reload the chain: %1").arg(e.what()));
        return;
    }
    if (producer_) producer_->refreshTemplate();
    publishStatus();
}

// All wiring between the engine and core/net lives here.
QString NodeEngine::startNetwork()
{
    net::TransportLimits limits;
    limits.maxInbound = config_.maxInbound;
    // A loopback-only node's peers all share one address; the per-IP cap would starve them.
    if (!config_.listenAll) limits.maxPerIp = std::max(limits.maxPerIp, config_.maxInbound);
    limits.maxPerSubnet = config_.inboundPerSubnet();
    limits.messagesPerSecond = 1000;
    connections_ = std::make_unique<net::ConnectionManager>(limits);
    connections_->setAdmissionFilter([this](const QHostAddress& a) { return !bans_->isBanned(a); });

    const bool head = config_.mode == NodeMode::Head;
    const quint16 wanted = config_.port >= 0 ? quint16(config_.port) : head ? params_->defaultPeerPort : 0;
    const QHostAddress address = config_.listenAll ? QHostAddress::Any : QHostAddress::LocalHost;
    QString error;
    peerPort_ = connections_->listen(address, wanted, &error);
    if (peerPort_ == 0) return QString("cannot listen for peers on %1:%2: %3").arg(address.toString()).arg(wanted).arg(error);

    net::NetSettings settings;
    settings.nodeType = modeName(config_.mode);
    settings.listenPort = peerPort_;
    settings.seeds = config_.seeds;
    if (settings.seeds.isEmpty() && !head) settings.seeds = {QString("127.0.0.1:%1").arg(params_->defaultPeerPort)};
    settings.targetOutbound = config_.maxOutbound;
    settings.banSeconds = config_.banSeconds;
    settings.serving.bytesPerSecond = double(config_.peerServeKibPerSecond) * 1024;
    settings.serving.burstBytes = 2 * settings.serving.bytesPerSecond;
    settings.minimumChainWork = config_.minimumChainWork.value_or(params_->minimumChainWork);
    net::NetHooks hooks;
    hooks.ban = [this](const QHostAddress& a, qint64 seconds, const QString& reason) { ban(a, seconds, reason); };
    hooks.isBanned = [this](const QHostAddress& a) { return bans_->isBanned(a); };
    hooks.dial = [this](const QString& host, quint16 port) { return connections_->connectTo(host, port); };
    hooks.dialSlotFree = [this] { return connections_->dialSlotFree(); };
    hooks.chainChanged = [this](const AcceptResult& r) { reportChainChange(r, false); };
    hooks.transactionReceived = [this](const Bytes& raw, net::PeerId from) {
        return submitTransfer(raw, QString("peer %1").arg(from), from).check;
    };
    hooks.pendingTransaction = [this](const Hash256& id) -> std::optional<Bytes> {
        const MempoolEntry* e = transfers_->mempool().find(id);
        return e ? std::optional<Bytes>(e->raw) : std::nullopt;
    };
    hooks.pendingTransfers = [this](const std::function<void(const Hash256&, const Bytes&)>& visit) {
        for (const MempoolEntry* e : transfers_->mempool().entries()) visit(e->id, e->raw);
    };
    hooks.prunedBodyArrived = [this](const Hash256& hash, const Bytes& block, const Bytes& photo) {
        restorePrunedBody(hash, block, photo);
    };
    hooks.checkPhoto = [this](const Hash256& photoHash, const Bytes& photo, const std::string& label,
                              node::PhotoVerifier::Done done) { photoVerifier_->check(photoHash, photo, label, std::move(done)); };
    net_ = std::make_unique<net::PeerManager>(settings, *chain_, storage_->chain(),
                                              std::make_unique<PeerStoreCatalogue>(storage_->peers()), *nodeKey_, log_,
                                              *connections_, hooks);
    connections_->setEvents(net_.get());
    net_->start();
    node::StatusSources& status = publisher_.sources();
    status.peerPort = peerPort_;
    status.peers = [this] { return net_ ? net_->peerTable() : QList<PeerInfo>{}; };
    status.tipCheck = [this] { return net_ ? net_->tipCheck() : TipCheckInfo{}; };
    status.addressBook = [this] { return net_ ? net_->addressBookSize() : AddressBookSize{}; };
    log_.info(QString("listening for peers on %1:%2").arg(address.toString()).arg(peerPort_));
    return {};
}

void NodeEngine::disconnectPeer(quint64 connectionId)
{
    if (net_) net_->disconnect(connectionId, "disconnected by the operator");
}

void NodeEngine::ban(const QHostAddress& address, qint64 seconds, const QString& reason)
{
    if (!bans_ || !bans_->add(address, seconds, reason)) return;
    if (net_) net_->disconnectAddress(address, "banned: " + reason);
    publishStatus();
}

void NodeEngine::unban(const QString& address)
{
    if (!bans_ || !bans_->remove(address)) return;
    publishStatus();
}

void NodeEngine::startMining(int threads)
{
    if (!producer_) return;
    producer_->start(threads);
    publisher_.sources().miningThreadsSetting = threads;
    publishStatus();
}

void NodeEngine::stopMining()
{
    if (!producer_ || !producer_->isRunning()) return;
    producer_->stop();
    publishStatus();
}

// Every change of the active chain (mined here or arriving from a peer) reaches each part here.
void NodeEngine::reportChainChange(const AcceptResult& r, bool minedHere)
{
    for (const BlockIndexEntry& e : r.disconnected)
        log_.info(QString("disconnected block %1 %2 (reorganisation)").arg(e.height).arg(hexText(e.hash)));
    const uint64_t bestHeight = chain_->bestHeader().height;
    for (const BlockIndexEntry& e : r.connected) {
        const bool ours = minedHere && e.hash == r.hash;
        // Far behind, one line per kSyncLogEvery blocks: a line costs a write, a flush and a stat.
        const uint64_t behind = bestHeight > e.height ? bestHeight - e.height : 0;
        if (behind < kSyncLogEvery || e.height % kSyncLogEvery == 0)
            log_.info(QString("connected block %1 %2%3%4").arg(e.height).arg(hexText(e.hash), ours ? " (mined here)" : "",
                                                               behind >= kSyncLogEvery ? QString(" (syncing, %1 to go)").arg(behind) : ""));
        emit blockConnected(e.height, hexText(e.hash), ours);
    }
    if (r.connected.empty()) return;
    transfers_->chainChanged(r);
    photoJobs_->dropPhotosOnChain(storage_->chain());
    if (minedHere && net_) {
        std::vector<Hash256> connected;
        for (const BlockIndexEntry& e : r.connected) connected.push_back(e.hash);
        net_->announce(connected);
    }
    if (net_) net_->checkTip();
    if (producer_) producer_->refreshTemplate();
    publishStatus();
}

void NodeEngine::saveNodePack()
{
    NodePack pack;
    pack.type = modeName(config_.mode);
    pack.port = peerPort_;
    pack.userAgent = QString("photoblocks/%1").arg(PB_VERSION);
    pack.bestHeight = chain_->tip().height;
    pack.signWith(*nodeKey_);
    storage::NodeRecord record;
    record.id = pack.id;
    record.pack = pack.signedBytes();
    record.signature.assign(pack.signature.begin(), pack.signature.end());
    record.host = config_.listenAll ? QString() : QString("127.0.0.1");
    record.port = peerPort_;
    record.type = pack.type;
    record.seen = nowSeconds();
    storage_->peers().saveNode(record);
}

std::optional<storage::RedisEndpoint> NodeEngine::storageEndpoint() const
{
    if (!storage_) return std::nullopt;
    return storage_->endpoint();
}

} // namespace pb
