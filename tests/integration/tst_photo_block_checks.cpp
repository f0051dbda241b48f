// Photo blocks from a peer are judged off the engine thread: BlockSync and the real
// PhotoVerifier running the real NanoDet recognizer, on a chain in memory over fake links.
// The recognizer waits at a gate the test opens, so the order of events is asserted, never a
// speed: while a photo is being recognized the engine thread keeps handling events and peers'
// messages; a block sent twice meanwhile is recognized once; afterwards a valid block connects
// and a mislabelled one is refused with the reason and score it always got; a verdict once
// known costs no second recognition; the blocks waiting are bounded; stopping with checks
// pending waits only for the running one.
#include "core/crypto/Sha256.h"
#include "core/net/BlockServer.h"
#include "core/net/BlockSync.h"
#include "core/node/PhotoVerifier.h"
#include "core/photo/NanoDetRecognizer.h"
#include "tests/unit/net/ProtocolFixture.h"

#include <QFile>
#include <QSemaphore>
#include <QThread>
#include <QtTest>
#include <atomic>
#include <thread>

using namespace pb;
using namespace pb::net;
using pb::test::easyNet;

namespace {

// NanoDet sees a dog at 0.67 (claim threshold 0.65) and a cat at 0.38 in it.
const char* const kDogPhoto = "/usr/share/darknet/data/dog.jpg";

Bytes readPhoto(const char* path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read %s: install darknet (scripts/test.sh does)", path);
    const QByteArray b = f.readAll();
    return Bytes(b.begin(), b.end());
}

// The real recognizer behind a gate: each recognition waits for one pass, so the test decides
// when verdicts can exist. Records the threads it ran on.
class GatedRecognizer : public photo::Recognizer {
public:
    explicit GatedRecognizer(const photo::Recognizer& real) : real_(real) {}
    std::string identity() const override { return real_.identity(); }
    std::vector<std::string> labels() const override { return real_.labels(); }
    photo::RecognizeOutcome recognize(const Bytes& photo) const override
    {
        ++arrived_;
        gate_.acquire();
        ++calls_;
        lastThread_ = QThread::currentThread();
        return real_.recognize(photo);
    }
    void open(int passes) { gate_.release(passes); }
    int arrived() const { return arrived_; }  // recognitions started, some perhaps still at the gate
    int calls() const { return calls_; }
    QThread* lastThread() const { return lastThread_; }

private:
    const photo::Recognizer& real_;
    mutable QSemaphore gate_;
    mutable std::atomic<int> arrived_{0};
    mutable std::atomic<int> calls_{0};
    mutable std::atomic<QThread*> lastThread_{nullptr};
};

} // namespace

class PhotoBlockChecksTest : public QObject {
    Q_OBJECT

    std::unique_ptr<photo::NanoDetRecognizer> nanodet_;
    Bytes dog_;

    struct Fixture : test::ProtocolFixture {
        GatedRecognizer recognizer;
        node::PhotoVerifier verifier{&recognizer, {}};
        std::vector<AcceptResult> connected;
        BlockSync sync{SyncSettings{}, chain, store, channel, log,
                       {[this](const AcceptResult& r, PeerId) { connected.push_back(r); },
                        [](const Hash256&, const Bytes&, const Bytes&) {},
                        [this](const Hash256& photoHash, const Bytes& photo, const std::string& label,
                               node::PhotoVerifier::Done done) { verifier.check(photoHash, photo, label, std::move(done)); }}};
        BlockServer server{ServeLimits{}, chain, store, channel};

        explicit Fixture(const photo::Recognizer& real) : recognizer(real)
        {
            chain.setPhotoVerifier([this](const Hash256& photoHash, const Bytes&, const std::string& label) {
                return verifier.known(photoHash, label);
            });
            sync.peerReady(1, true, 0);
            sync.peerReady(2, true, 0);
        }

        // A solved block on genesis claiming `label` for `photo`; `tag` makes siblings differ.
        Block photoBlock(const Bytes& photo, const std::string& label, uint8_t tag)
        {
            Block b;
            b.header.prevHash = genesis();
            b.header.time = easyNet().genesisTime + 60;
            b.header.bits = easyNet().genesisBits;
            b.header.version |= BlockHeader::kLabelClaimFlag;
            CoinbaseTx coinbase;
            coinbase.height = 1;
            coinbase.amount = easyNet().blockReward;
            coinbase.to.fill(tag);
            b.transactions.push_back(coinbase.serialize());
            b.photoHash = crypto::sha256(photo);
            b.label = label;
            b.header.contentRoot = b.computeContentRoot();
            test::solve(b);
            return b;
        }
        void send(PeerId peer, const Block& block, const Bytes& photo) { sync.onBlock(peer, BlockMessage{block.serialize(), photo}); }
    };

private slots:
    void initTestCase()
    {
        std::string why;
        nanodet_ = photo::NanoDetRecognizer::create({}, &why);
        QVERIFY2(nanodet_, why.c_str());
        dog_ = readPhoto(kDogPhoto);
    }

    void judgesPeersPhotoBlocksWithoutHoldingTheEngineThread()
    {
        Fixture f(*nanodet_);
        const Block dog = f.photoBlock(dog_, "dog", 0xD0);
        const Block cat = f.photoBlock(dog_, "cat", 0xC0);  // mislabelled: NanoDet sees a cat at 0.38 only

        const Block sibling = f.photoBlock(dog_, "dog", 0xD1);  // another miner's block with the same claim

        f.send(1, dog, dog_);
        f.send(2, dog, dog_);  // the same block from another peer while its photo is being checked
        f.send(1, cat, dog_);
        f.send(2, sibling, dog_);
        // The next block a peer builds on a block still being checked finds its parent (the
        // header was recorded) and waits for it, unscored.
        const Block child = f.branch(dog.hash(), 1, 0xE0).front();
        f.sync.onBlock(1, BlockMessage{child.serialize(), {}});
        // Nothing is decided: the engine thread did not wait for the recognizer. No body is stored.
        QCOMPARE(f.sync.photoChecksWaiting(), size_t(3));
        QCOMPARE(f.verifier.recognitions(), 2);  // one per (photo, label), not per block or copy
        QCOMPARE(f.chain.tip().hash, f.genesis());
        QCOMPARE(f.store.indexEntry(dog.hash())->status, BlockIndexEntry::Status::HeaderOnly);
        QVERIFY(!f.store.photo(*dog.photoHash));
        QVERIFY(f.misbehaviour.empty());

        // While the recognizer is held, the engine thread's event loop runs and peers are served.
        bool ticked = false;
        QTimer::singleShot(0, [&] { ticked = true; });
        QTRY_VERIFY(ticked);
        f.server.onGetHeaders(2, GetHeaders{{f.genesis()}, {}});
        QCOMPARE(f.links.take<Headers>(2).size(), size_t(1));
        QCOMPARE(f.recognizer.calls(), 0);
        QCOMPARE(f.sync.photoChecksWaiting(), size_t(3));

        f.recognizer.open(2);
        QTRY_COMPARE(f.sync.photoChecksWaiting(), size_t(0));
        QVERIFY(f.recognizer.lastThread() != QThread::currentThread());
        QCOMPARE(f.recognizer.calls(), 2);
        // The valid blocks were accepted (the child connected on top); the mislabelled one was
        // refused, and its sender scored, as before.
        QCOMPARE(f.chain.tip().hash, child.hash());
        QCOMPARE(f.store.indexEntry(sibling.hash())->status, BlockIndexEntry::Status::HaveBody);
        QCOMPARE(f.misbehaviour.size(), size_t(1));
        QCOMPARE(f.misbehaviour[0].peer, PeerId(1));
        QCOMPARE(f.misbehaviour[0].score, SyncSettings{}.misbehaviourThreshold);
        QVERIFY2(f.misbehaviour[0].reason.endsWith("label_not_confirmed"), qPrintable(f.misbehaviour[0].reason));
        QCOMPARE(f.store.indexEntry(cat.hash())->status, BlockIndexEntry::Status::Invalid);
        QCOMPARE(f.chain.bestHeader().hash, child.hash());

        // Both verdicts are remembered: asked again, they cost no recognition.
        QCOMPARE(f.verifier.known(*dog.photoHash, "dog")->kind, PhotoVerdict::Kind::Confirmed);
        QCOMPARE(f.verifier.known(*dog.photoHash, "cat")->kind, PhotoVerdict::Kind::NotConfirmed);
        QCOMPARE(f.recognizer.calls(), 2);
    }

    void ourMinedBlockTakesItsJobsVerdict()
    {
        Fixture f(*nanodet_);
        const Block dog = f.photoBlock(dog_, "dog", 0xD0);
        const PhotoVerdict verdict = f.verifier.jobVerdict(*dog.photoHash, dog.label);
        QCOMPARE(verdict.kind, PhotoVerdict::Kind::Confirmed);
        QCOMPARE(f.chain.submitBlock(dog.serialize(), &dog_, f.clock.nowMs / 1000, &verdict).outcome, AcceptOutcome::Connected);
        QCOMPARE(f.verifier.recognitions(), 0);

        // A node whose recognizer is not the network's judges nothing, its own blocks included.
        node::PhotoVerifier unusable(nullptr, "no photo recognizer (no model)");
        QCOMPARE(unusable.jobVerdict(*dog.photoHash, dog.label).kind, PhotoVerdict::Kind::Unverifiable);
        QCOMPARE(unusable.known(*dog.photoHash, dog.label)->kind, PhotoVerdict::Kind::Unverifiable);
    }

    void boundsTheBlocksWaitingForAVerdict()
    {
        Fixture f(*nanodet_);
        const size_t cap = BlockSync::kMaxPhotoChecks;
        std::vector<Block> blocks;
        for (size_t i = 0; i <= cap; ++i) {
            // Distinct labels make distinct checks of the one photo.
            blocks.push_back(f.photoBlock(dog_, "label" + std::to_string(i), uint8_t(i)));
            f.send(1, blocks.back(), dog_);
        }
        QCOMPARE(f.sync.photoChecksWaiting(), cap);
        QCOMPARE(f.verifier.pendingChecks(), int(cap));
        // The one past the bound is dropped unjudged and unscored: only its header is kept (its
        // body is asked for again once it leads and there is room).
        QCOMPARE(f.store.indexEntry(blocks.back().hash())->status, BlockIndexEntry::Status::HeaderOnly);
        QCOMPARE(f.verifier.pendingChecks(), int(cap));
        QVERIFY(f.misbehaviour.empty());
        QTRY_COMPARE(f.recognizer.arrived(), 1);
        std::thread opener([&] {
            QThread::msleep(20);
            f.recognizer.open(1);
        });
        f.verifier.stop();
        opener.join();
    }

    void stopsWithChecksPendingWaitingOnlyForTheRunningOne()
    {
        Fixture f(*nanodet_);
        f.send(1, f.photoBlock(dog_, "dog", 0xD0), dog_);
        f.send(1, f.photoBlock(dog_, "cat", 0xC0), dog_);
        QCOMPARE(f.verifier.pendingChecks(), 2);
        QTRY_COMPARE(f.recognizer.arrived(), 1);  // the worker holds the first, the second is queued
        std::thread opener([&] {
            QThread::msleep(50);
            f.recognizer.open(2);
        });
        f.verifier.stop();  // as at SIGTERM: the queued check is dropped, the running one finishes
        opener.join();
        QCOMPARE(f.recognizer.calls(), 1);
        QCoreApplication::processEvents();
        // No verdict came back after the stop: nothing was stored, the chain did not move.
        QCOMPARE(f.chain.tip().hash, f.genesis());
        QCOMPARE(f.verifier.pendingChecks(), 0);
        QVERIFY(f.connected.empty() && f.misbehaviour.empty());
    }
};

QTEST_GUILESS_MAIN(PhotoBlockChecksTest)
#include "tst_photo_block_checks.moc"
