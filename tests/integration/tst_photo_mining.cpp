// Photo mining jobs end to end, through the REST API of real nodes running the default NanoDet
// recognizer: a confirmed label is mined at the photo target and accepted by a peer, a wrong
// label is rejected with what was seen, jobs can be cancelled, a network may pin the cascades
// or a classifier instead, and a node whose recognizer differs refuses to judge photo blocks.
#include "DaemonProcess.h"
#include "tests/support/TinyDarknetModel.h"

#include <opencv2/imgcodecs.hpp>

#include <QJsonArray>
#include <QTemporaryDir>

using namespace pb::test;

namespace {

const char* const kFacePhoto = "/usr/share/doc/opencv-doc/examples/data/messi5.jpg";     // person, sports ball; a face
const char* const kPersonPhoto = "/usr/share/doc/opencv-doc/examples/data/basketball1.png";  // person
const char* const kDogPhoto = "/usr/share/darknet/data/dog.jpg";                             // dog

QByteArray readFile(const char* path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read %s: install opencv-doc and darknet (scripts/test.sh does)", path);
    return f.readAll();
}

HttpResult submitJob(DaemonProcess& node, const char* photo, const QString& label, const QString& vote = "abstain")
{
    const QJsonObject body{{"photo", QString::fromLatin1(readFile(photo).toBase64())}, {"label", label}, {"vote", vote}};
    return httpSend(node.restPort(), "POST", "/api/v1/mining/jobs", QJsonDocument(body).toJson());
}

QJsonObject jobOf(DaemonProcess& node, const QString& id)
{
    return httpGet(node.restPort(), "/api/v1/mining/jobs/" + id).json;
}

// Whether the job's own copy of its photo is still on disk (<datadir>/jobs/photos/ab/abcd…).
bool jobPhotoOnDisk(const QString& dataDir, const QJsonObject& job)
{
    const QString hash = job.value("photoHash").toString();
    return QFile::exists(QString("%1/jobs/photos/%2/%3").arg(dataDir, hash.left(2), hash));
}

bool waitForState(DaemonProcess& node, const QString& id, const QString& state, int timeoutMs = 30000)
{
    return waitUntil([&] { return jobOf(node, id).value("state").toString() == state; }, timeoutMs);
}

} // namespace

class PhotoMiningTest : public QObject {
    Q_OBJECT
private slots:
    void confirmedLabelIsMinedAndAcceptedByAPeer()
    {
        QTemporaryDir minerDir("/tmp/pbXXXXXX"), peerDir("/tmp/pbXXXXXX");
        const quint16 port = freeLoopbackPort();
        DaemonProcess miner(minerDir.path());
        QVERIFY2(miner.start({"--mode", "head", "--port", QString::number(port), "--mine"}), qPrintable(miner.stderrText()));
        DaemonProcess peer(peerDir.path());
        QVERIFY2(peer.start({"--seed", QString("127.0.0.1:%1").arg(port)}), qPrintable(peer.stderrText()));

        const HttpResult accepted = submitJob(miner, kDogPhoto, "dog", "agree");
        QCOMPARE(accepted.status, 202);
        const QString id = accepted.json.value("id").toString();
        QCOMPARE(accepted.json.value("state").toString(), QString("queued"));
        QVERIFY2(waitForState(miner, id, "mined"), qPrintable(QJsonDocument(jobOf(miner, id)).toJson() + miner.stderrText()));
        const QString blockHash = jobOf(miner, id).value("blockHash").toString();
        // The block's photo lives in the chain's store now; the job's copy is gone.
        QVERIFY(!jobPhotoOnDisk(minerDir.path(), jobOf(miner, id)));
        const QString photoHash = jobOf(miner, id).value("photoHash").toString();
        QVERIFY(QFile::exists(QString("%1/photos/%2/%3").arg(minerDir.path(), photoHash.left(2), photoHash)));

        const QJsonObject block = httpGet(miner.restPort(), "/api/v1/blocks/" + blockHash).json;
        QCOMPARE(block.value("label").toString(), QString("dog"));
        QCOMPARE(block.value("version").toInteger(), 0x101);  // the label-claim bit
        QVERIFY(block.value("votes").isObject());
        const HttpResult photo = httpGet(miner.restPort(), "/api/v1/blocks/" + blockHash + "/photo");
        QCOMPARE(photo.status, 200);
        QCOMPARE(photo.body, readFile(kDogPhoto));
        QCOMPARE(httpGet(miner.restPort(), "/api/v1/blocks/" + blockHash + "/thumbnail").body.left(2), QByteArray("\xFF\xD8"));

        // The peer re-runs its own recognizer on the photo and takes the block.
        QVERIFY2(waitUntil([&] { return httpGet(peer.restPort(), "/api/v1/blocks/" + blockHash).status == 200; }, 30000),
                 qPrintable(peer.stderrText()));
        QCOMPARE(httpGet(peer.restPort(), "/api/v1/blocks/" + blockHash + "/photo").body, readFile(kDogPhoto));
        QVERIFY(!peer.stderrText().contains("label_not_confirmed"));

        // The same photo again: stale or rejected, never a second block with it.
        const QString again = submitJob(miner, kDogPhoto, "dog").json.value("id").toString();
        QVERIFY(waitUntil([&] {
            const QString s = jobOf(miner, again).value("state").toString();
            return s == "stale" || s == "rejected";
        }, 30000));
        QCOMPARE(miner.terminate(), 0);
        QCOMPARE(peer.terminate(), 0);
    }

    void wrongLabelIsRejectedWithWhatWasSeen()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        DaemonProcess node(dir.path());
        QVERIFY2(node.start({"--mine"}), qPrintable(node.stderrText()));
        const QString id = submitJob(node, kDogPhoto, "cat").json.value("id").toString();
        QVERIFY(waitForState(node, id, "rejected"));
        QVERIFY2(jobOf(node, id).value("detail").toString().contains("does not see 'cat'"),
                 qPrintable(jobOf(node, id).value("detail").toString()));
        QVERIFY(!jobPhotoOnDisk(dir.path(), jobOf(node, id)));  // a rejected upload leaves nothing behind

        // "face" is a label of the cascades, not of NanoDet: no job at all.
        QCOMPARE(submitJob(node, kDogPhoto, "face").json.value("error").toObject().value("code").toString(), QString("bad_job"));
        QCOMPARE(httpSend(node.restPort(), "POST", "/api/v1/mining/jobs", R"({"photo":"!!","label":"dog"})").status, 400);
        QCOMPARE(httpSend(node.restPort(), "POST", "/api/v1/mining/jobs", R"({"label":"dog"})").json
                     .value("error").toObject().value("code").toString(), QString("missing_field"));
        QCOMPARE(httpSend(node.restPort(), "POST", "/api/v1/mining/jobs", R"({"photo":"aGk=","label":"dog","x":1})").json
                     .value("error").toObject().value("code").toString(), QString("unknown_field"));
        QCOMPARE(httpSend(node.restPort(), "POST", "/api/v1/mining/jobs", R"({"photo":"aGk=","label":"dog"})").json
                     .value("error").toObject().value("message").toString(), QString("the photo is neither JPEG nor PNG"));
        QCOMPARE(httpGet(node.restPort(), "/api/v1/mining/jobs/nope").status, 404);
        QCOMPARE(httpSend(node.restPort(), "DELETE", "/api/v1/mining/jobs/" + id).status, 409);

        // A photo the node cannot store (here: a file where its job photo folder should be)
        // ends the accepted job as rejected, with the reason, instead of losing it.
        QVERIFY(QDir(dir.filePath("jobs")).removeRecursively());
        QFile blocker(dir.filePath("jobs"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const HttpResult unstorable = submitJob(node, kDogPhoto, "dog");
        QCOMPARE(unstorable.status, 202);
        const QString unstorableId = unstorable.json.value("id").toString();
        QVERIFY(waitForState(node, unstorableId, "rejected", 10000));
        QVERIFY2(jobOf(node, unstorableId).value("detail").toString().startsWith("this node could not store the photo"),
                 qPrintable(jobOf(node, unstorableId).value("detail").toString()));
        QCOMPARE(node.terminate(), 0);
    }

    void queuedJobSurvivesARestartAndCanBeCancelled()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        QString id;
        {
            // Not mining: a confirmed job waits in "mining" until the miner starts.
            DaemonProcess node(dir.path());
            QVERIFY2(node.start({}), qPrintable(node.stderrText()));
            id = submitJob(node, kPersonPhoto, "person").json.value("id").toString();
            QVERIFY(waitForState(node, id, "mining"));
            QCOMPARE(node.terminate(), 0);
        }
        DaemonProcess node(dir.path());
        QVERIFY2(node.start({}), qPrintable(node.stderrText()));
        QVERIFY(waitForState(node, id, "mining", 10000));
        QVERIFY(jobPhotoOnDisk(dir.path(), jobOf(node, id)));
        const HttpResult cancelled = httpSend(node.restPort(), "DELETE", "/api/v1/mining/jobs/" + id);
        QCOMPARE(cancelled.status, 202);
        QVERIFY(waitForState(node, id, "cancelled", 10000));
        QVERIFY(!jobPhotoOnDisk(dir.path(), jobOf(node, id)));
        QCOMPARE(node.terminate(), 0);
    }

    void photoFolderTurnsNewPhotosIntoJobs()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX"), photos("/tmp/pbXXXXXX");
        DaemonProcess node(dir.path());
        QVERIFY2(node.start({"--mine", "--photos", photos.path()}), qPrintable(node.stderrText()));
        QVERIFY(QFile::copy(kPersonPhoto, photos.path() + "/person-0001.png"));
        QVERIFY(QFile::copy(kDogPhoto, photos.path() + "/dog.jpg"));
        QFile sidecar(photos.path() + "/dog.jpg.label");
        QVERIFY(sidecar.open(QIODevice::WriteOnly));
        sidecar.write("cat disagree\n");
        sidecar.close();
        QVERIFY(QFile::copy(kPersonPhoto, photos.path() + "/unicorn-7.png"));

        const auto jobFrom = [&](const QString& file) {
            for (const QJsonValue& j : httpGet(node.restPort(), "/api/v1/mining/jobs").json.value("jobs").toArray())
                if (j.toObject().value("source").toString() == "folder:" + file) return j.toObject();
            return QJsonObject();
        };
        QVERIFY2(waitUntil([&] { return jobFrom("person-0001.png").value("state").toString() == "mined"; }, 30000),
                 qPrintable(node.stderrText()));
        QVERIFY(waitUntil([&] { return jobFrom("dog.jpg").value("state").toString() == "rejected"; }, 30000));
        QCOMPARE(jobFrom("dog.jpg").value("vote").toString(), QString("disagree"));
        QVERIFY2(waitUntil([&] { return node.stderrText().contains("unicorn-7.png refused: label 'unicorn'"); }, 10000),
                 qPrintable(node.stderrText()));
        QCOMPARE(node.terminate(), 0);
    }

    void jobCommandDrivesARunningNode()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        DaemonProcess node(dir.path());
        QVERIFY2(node.start({}), qPrintable(node.stderrText()));
        const QString port = QString::number(node.restPort());
        const auto run = [](const QStringList& args, QByteArray* out = nullptr) {
            QProcess p;
            p.start(PB_DAEMON_PATH, QStringList{"job"} + args);
            p.waitForFinished(30000);
            if (out) *out = p.readAllStandardOutput();
            return p.exitCode();
        };
        QByteArray out;
        QCOMPARE(run({"--rest-port", port, "add", kDogPhoto, "dog", "agree"}, &out), 0);
        const QString id = QJsonDocument::fromJson(out).object().value("id").toString();
        QCOMPARE(id.size(), 16);
        QCOMPARE(run({"--rest-port", port, "show", id}, &out), 0);
        QCOMPARE(QJsonDocument::fromJson(out).object().value("vote").toString(), QString("agree"));
        QCOMPARE(run({"--rest-port", port, "list"}, &out), 0);
        QCOMPARE(QJsonDocument::fromJson(out).object().value("jobs").toArray().size(), 1);
        QCOMPARE(run({"--rest-port", port, "cancel", id}), 0);
        // Given the node's data directory the command sends its operator token, which the node takes.
        QCOMPARE(run({"--datadir", dir.path(), "--rest-port", port, "add", kDogPhoto, "dog"}), 0);
        QCOMPARE(run({"--datadir", dir.path() + "/nowhere", "--rest-port", port, "add", kDogPhoto, "dog"}), 0);  // no cookie: none sent
        QCOMPARE(run({"--rest-port", port, "cancel", "0000000000000000"}), 1);
        QCOMPARE(run({"--rest-port", port, "add", kDogPhoto, "unicorn"}), 1);
        QCOMPARE(run({"list"}), 2);
        QCOMPARE(run({"--rest-port", port, "explode"}), 2);
        QCOMPARE(node.terminate(), 0);
    }

    void customNetworkPinsItsHeadsClassifier()
    {
        QTemporaryDir modelDir("/tmp/pbXXXXXX"), headDir("/tmp/pbXXXXXX"), fullDir("/tmp/pbXXXXXX"), photos("/tmp/pbXXXXXX");
        const TinyDarknetModel model = writeBrightnessModel(modelDir.path());
        const QStringList classifier{"--recognizer-model", model.weights, "--recognizer-model-config", model.config,
                                     "--recognizer-labels", model.labels, "--recognizer-input",
                                     QString::number(TinyDarknetModel::kInputSide)};
        const QString white = photos.path() + "/white.png";
        QVERIFY(cv::imwrite(white.toStdString(), cv::Mat(64, 64, CV_8UC3, cv::Scalar(255, 255, 255))));

        const quint16 port = freeLoopbackPort();
        DaemonProcess head(headDir.path());
        head.setNetwork("brightnet");
        QVERIFY2(head.start(QStringList{"--mode", "head", "--port", QString::number(port), "--mine"} + classifier),
                 qPrintable(head.stderrText()));
        QCOMPARE(httpGet(head.restPort(), "/api/v1/mining/jobs").json.value("labels").toArray().size(), 2);
        DaemonProcess full(fullDir.path());
        full.setNetwork({});
        QVERIFY2(full.start(QStringList{"--network-file", headDir.path() + "/network.json"} + classifier),
                 qPrintable(full.stderrText()));

        const QJsonObject body{{"photo", QString::fromLatin1(readFile(qPrintable(white)).toBase64())}, {"label", "bright"}};
        const HttpResult submitted = httpSend(head.restPort(), "POST", "/api/v1/mining/jobs", QJsonDocument(body).toJson());
        QCOMPARE(submitted.status, 202);
        const QString id = submitted.json.value("id").toString();
        QVERIFY2(waitForState(head, id, "mined", 60000), qPrintable(QJsonDocument(jobOf(head, id)).toJson() + head.stderrText()));
        const QString blockHash = jobOf(head, id).value("blockHash").toString();
        QVERIFY2(waitUntil([&] { return httpGet(full.restPort(), "/api/v1/blocks/" + blockHash).status == 200; }, 60000),
                 qPrintable(full.stderrText()));
        QCOMPARE(httpGet(full.restPort(), "/api/v1/blocks/" + blockHash).json.value("label").toString(), QString("bright"));
        QCOMPARE(head.terminate(), 0);
        QCOMPARE(full.terminate(), 0);
    }

    void customNetworkMayPinTheCascadesAndNanoDetNodesRefuseToJudgeIt()
    {
        QTemporaryDir headDir("/tmp/pbXXXXXX"), oddDir("/tmp/pbXXXXXX");
        const quint16 port = freeLoopbackPort();
        DaemonProcess head(headDir.path());
        head.setNetwork("facenet");
        QVERIFY2(head.start({"--mode", "head", "--port", QString::number(port), "--mine", "--recognizer", "cascade"}),
                 qPrintable(head.stderrText()));
        QCOMPARE(httpGet(head.restPort(), "/api/v1/mining/jobs").json.value("labels").toArray(), QJsonArray{"face"});
        // A node with the default recognizer joins but cannot judge the network's label claims.
        DaemonProcess odd(oddDir.path());
        odd.setNetwork({});
        QVERIFY2(odd.start({"--network-file", headDir.path() + "/network.json"}), qPrintable(odd.stderrText()));
        QVERIFY2(odd.stderrText().contains("differs from the one network facenet pins"), qPrintable(odd.stderrText()));
        QCOMPARE(submitJob(odd, kDogPhoto, "dog").status, 503);

        const QString id = submitJob(head, kFacePhoto, "face").json.value("id").toString();
        QVERIFY2(waitForState(head, id, "mined"), qPrintable(QJsonDocument(jobOf(head, id)).toJson() + head.stderrText()));
        const QString blockHash = jobOf(head, id).value("blockHash").toString();
        QVERIFY2(waitUntil([&] { return odd.stderrText().contains("photo_unverifiable"); }, 30000), qPrintable(odd.stderrText()));
        QCOMPARE(httpGet(odd.restPort(), "/api/v1/blocks/" + blockHash).status, 404);
        QCOMPARE(head.terminate(), 0);
        QCOMPARE(odd.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(PhotoMiningTest)
#include "tst_photo_mining.moc"
