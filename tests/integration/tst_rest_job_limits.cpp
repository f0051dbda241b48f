// Photo job limits over REST against a real node that does not mine (so jobs stay unsettled):
// a paired device may keep 8 jobs waiting and is then told 429 device_job_limit, the node as a
// whole 64 (429 job_queue_full, for devices and this machine alike), and a device may cancel
// only the jobs it submitted (403 not_your_job) while this machine may cancel any.
#include "DaemonProcess.h"
#include "core/node/PendingJobCount.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace pb;
using namespace pb::test;

namespace {

const char* const kPersonPhoto = "/usr/share/doc/opencv-doc/examples/data/basketball1.png";  // person

QString errorCode(const HttpResult& r) { return r.json.value("error").toObject().value("code").toString(); }

} // namespace

class RestJobLimitsTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<DaemonProcess> node_;
    QByteArray jobBody_;

    quint16 port() const { return node_->restPort(); }
    QString pairDevice(const QString& name)
    {
        const QString code = node_->operatorSend("POST", "/api/v1/pairing").json.value("code").toString();
        const QJsonObject body{{"code", code}, {"name", name}};
        return httpSend(port(), "POST", "/api/v1/pair", QJsonDocument(body).toJson()).json.value("token").toString();
    }
    RequestHeaders as(const QString& token) const
    {
        return token.isEmpty() ? RequestHeaders{} : RequestHeaders{{"Authorization", "Bearer " + token.toLatin1()}};
    }
    HttpResult submit(const QString& token = {}) { return httpSend(port(), "POST", "/api/v1/mining/jobs", jobBody_, 10000, as(token)); }
    HttpResult cancel(const QString& id, const QString& token = {})
    {
        return httpSend(port(), "DELETE", "/api/v1/mining/jobs/" + id, {}, 10000, as(token));
    }
    QString state(const QString& id) { return httpGet(port(), "/api/v1/mining/jobs/" + id).json.value("state").toString(); }
    int photosStored() { return int(QDir(dir_.path() + "/jobs/photos").entryList(QDir::Files).size()); }

private slots:
    void initTestCase()
    {
        QFile photo(kPersonPhoto);
        QVERIFY2(photo.open(QIODevice::ReadOnly), "install opencv-doc (scripts/test.sh does)");
        jobBody_ = QJsonDocument(QJsonObject{{"photo", QString::fromLatin1(photo.readAll().toBase64())}, {"label", "person"}}).toJson();
        node_ = std::make_unique<DaemonProcess>(dir_.path());
        QVERIFY2(node_->start({"--mode", "head", "--port", QString::number(freeLoopbackPort()), "--rest-rate-limit", "0"}),
                 qPrintable(node_->stderrText()));
    }

    void cleanupTestCase() { QCOMPARE(node_->terminate(), 0); }

    void aDeviceKeepsAtMostItsShareWaitingAndCancelsOnlyItsOwn()
    {
        const QString anna = pairDevice("Anna's phone"), ben = pairDevice("Ben's phone");
        QStringList annaJobs;
        for (int i = 0; i < PendingJobCount::kMaxPendingPerDevice; ++i) {
            const HttpResult r = submit(anna);
            QCOMPARE(r.status, 202);
            annaJobs.append(r.json.value("id").toString());
        }
        const HttpResult refused = submit(anna);
        QCOMPARE(refused.status, 429);
        QCOMPARE(errorCode(refused), QString("device_job_limit"));
        QCOMPARE(refused.header("Retry-After"), QByteArray("30"));
        // The limit is Anna's: Ben still submits.
        const HttpResult benJob = submit(ben);
        QCOMPARE(benJob.status, 202);

        // Ben cannot cancel Anna's job; Anna can.
        QVERIFY(waitUntil([&] { return !state(annaJobs.first()).isEmpty(); }, 10000));
        const HttpResult notHis = cancel(annaJobs.first(), ben);
        QCOMPARE(notHis.status, 403);
        QCOMPARE(errorCode(notHis), QString("not_your_job"));
        QVERIFY(state(annaJobs.first()) != "cancelled");
        QCOMPARE(cancel(annaJobs.first(), anna).status, 202);
        QVERIFY(waitUntil([&] { return state(annaJobs.first()) == "cancelled"; }, 10000));
        // A settled job frees its place.
        QVERIFY(waitUntil([&] { return submit(anna).status == 202; }, 10000));
        // This machine (no token, loopback) may cancel any job.
        QCOMPARE(cancel(benJob.json.value("id").toString()).status, 202);
    }

    void theNodeKeepsAtMostItsTotalWaitingAndStoresNoPhotoBeyond()
    {
        // Fill the node from this machine (no per-source share), then everyone is refused.
        int accepted = 0;
        HttpResult last;
        for (int i = 0; i < PendingJobCount::kMaxPending + 5; ++i) {
            last = submit();
            if (last.status != 202) break;
            ++accepted;
        }
        QCOMPARE(last.status, 429);
        QCOMPARE(errorCode(last), QString("job_queue_full"));
        QVERIFY(accepted <= PendingJobCount::kMaxPending);
        QVERIFY(waitUntil([&] {
            int unsettled = 0;
            for (const QJsonValue& job : httpGet(port(), "/api/v1/mining/jobs").json.value("jobs").toArray()) {
                const QString s = job.toObject().value("state").toString();
                unsettled += s == "queued" || s == "recognizing" || s == "mining";
            }
            return unsettled == PendingJobCount::kMaxPending;
        }, 20000));
        QCOMPARE(errorCode(submit(pairDevice("Cara's phone"))), QString("job_queue_full"));
        // A refused job's photo is not stored.
        QFile other("/usr/share/doc/opencv-doc/examples/data/basketball2.png");
        QVERIFY(other.open(QIODevice::ReadOnly));
        const int photosBefore = photosStored();
        const QJsonObject otherJob{{"photo", QString::fromLatin1(other.readAll().toBase64())}, {"label", "person"}};
        QCOMPARE(httpSend(port(), "POST", "/api/v1/mining/jobs", QJsonDocument(otherJob).toJson()).status, 429);
        QTest::qWait(500);
        QCOMPARE(photosStored(), photosBefore);
    }
};

QTEST_GUILESS_MAIN(RestJobLimitsTest)
#include "tst_rest_job_limits.moc"
