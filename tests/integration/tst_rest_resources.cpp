// The REST resources a phone browses with, against real nodes on loopback: the chain paged
// newest first, the node catalogue a peer has learnt, the recognizer's labels, the OpenAPI
// document, and photo jobs uploaded as multipart/form-data by paired devices, each of which
// lists only its own jobs with ?mine=1.
#include "DaemonProcess.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace pb::test;

namespace {

const char* const kPersonPhoto = "/usr/share/doc/opencv-doc/examples/data/basketball1.png";  // person
const QByteArray kBoundary = "pbTestBoundary7MA4YWxk";

QByteArray readFile(const char* path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read %s: install opencv-doc (scripts/test.sh does)", path);
    return f.readAll();
}

QString errorCode(const HttpResult& r) { return r.json.value("error").toObject().value("code").toString(); }

// A multipart/form-data body: text fields, then the photo as a file part.
QByteArray formBody(const QList<QPair<QByteArray, QByteArray>>& fields, const QByteArray& photo)
{
    QByteArray body;
    for (const auto& [name, value] : fields)
        body += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    if (!photo.isNull())
        body += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"photo.png\"\r\n"
                "Content-Type: image/png\r\n\r\n" + photo + "\r\n";
    return body + "--" + kBoundary + "--\r\n";
}

} // namespace

class RestResourcesTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir headDir_{"/tmp/pbXXXXXX"}, fullDir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<DaemonProcess> head_, full_;
    quint16 headPeerPort_ = 0;

    quint16 port() const { return head_->restPort(); }
    QString pairDevice(const QString& name)
    {
        const QString code = head_->operatorSend("POST", "/api/v1/pairing").json.value("code").toString();
        const QJsonObject body{{"code", code}, {"name", name}};
        return httpSend(port(), "POST", "/api/v1/pair", QJsonDocument(body).toJson()).json.value("token").toString();
    }
    HttpResult upload(const QByteArray& body, const QString& token = {})
    {
        RequestHeaders headers{{"Content-Type", "multipart/form-data; boundary=" + kBoundary}};
        if (!token.isEmpty()) headers.append({"Authorization", "Bearer " + token.toLatin1()});
        return httpSend(port(), "POST", "/api/v1/mining/jobs", body, 10000, headers);
    }

private slots:
    void initTestCase()
    {
        headPeerPort_ = freeLoopbackPort();
        head_ = std::make_unique<DaemonProcess>(headDir_.path());
        QVERIFY2(head_->start({"--mode", "head", "--port", QString::number(headPeerPort_), "--mine", "--rest-rate-limit", "0"}),
                 qPrintable(head_->stderrText()));
        full_ = std::make_unique<DaemonProcess>(fullDir_.path());
        QVERIFY2(full_->start({"--seed", QString("127.0.0.1:%1").arg(headPeerPort_)}), qPrintable(full_->stderrText()));
        QVERIFY(waitUntil([&] { return head_->height() >= 25; }, 60000));
    }
    void cleanupTestCase()
    {
        QCOMPARE(full_->terminate(), 0);
        QCOMPARE(head_->terminate(), 0);
    }

    void blocksArePagedNewestFirst()
    {
        const HttpResult page = httpGet(port(), "/api/v1/blocks?from=10&limit=4");
        QCOMPARE(page.status, 200);
        const QJsonArray blocks = page.json.value("blocks").toArray();
        QCOMPARE(blocks.size(), 4);
        for (int i = 0; i < 4; ++i) QCOMPARE(blocks[i].toObject().value("height").toInteger(), 10 - i);
        QCOMPARE(blocks[0].toObject().value("prevHash"), blocks[1].toObject().value("hash"));
        QCOMPARE(page.json.value("next").toInteger(), 6);
        QCOMPARE(blocks[0].toObject(), httpGet(port(), "/api/v1/blocks/10").json);

        const QJsonArray last = httpGet(port(), "/api/v1/blocks?from=2&limit=100").json.value("blocks").toArray();
        QCOMPARE(last.size(), 3);
        QVERIFY(httpGet(port(), "/api/v1/blocks?from=2&limit=100").json.value("next").isNull());

        // Without `from`: the tip first, 20 by default; a `from` past the tip starts at the tip.
        const QJsonArray newest = httpGet(port(), "/api/v1/blocks").json.value("blocks").toArray();
        QCOMPARE(newest.size(), 20);
        QVERIFY(newest[0].toObject().value("height").toInteger() >= 25);
        QVERIFY(newest[0].toObject().value("height").toInteger() > newest[19].toObject().value("height").toInteger());
        const QJsonObject beyond = httpGet(port(), "/api/v1/blocks?from=99999999&limit=1").json;
        QVERIFY(beyond.value("blocks").toArray()[0].toObject().value("height").toInteger() >= 25);

        for (const char* bad : {"?limit=0", "?limit=101", "?from=-1", "?from=x", "?limit=1&limit=2"})
            QCOMPARE(errorCode(httpGet(port(), QString("/api/v1/blocks") + bad)), QString("bad_parameter"));
        QCOMPARE(errorCode(httpGet(port(), "/api/v1/blocks?page=2")), QString("unknown_parameter"));
    }

    void catalogueListsTheNodesAPeerLearntOf()
    {
        const QString headId = head_->status().value("nodeId").toString();
        QJsonObject known;
        QVERIFY(waitUntil([&] {
            for (const QJsonValue& n : httpGet(full_->restPort(), "/api/v1/nodes").json.value("nodes").toArray())
                if (n.toObject().value("id").toString() == headId) known = n.toObject();
            return !known.isEmpty();
        }, 30000));
        QCOMPARE(known.value("type").toString(), QString("head"));
        QCOMPARE(known.value("host").toString(), QString("127.0.0.1"));
        QCOMPARE(known.value("port").toInt(), int(headPeerPort_));
        QVERIFY(known.value("lastSeen").toInteger() > 1700000000);
        QCOMPARE(errorCode(httpGet(full_->restPort(), "/api/v1/nodes?limit=0")), QString("bad_parameter"));
    }

    void labelsNameTheRecognizer()
    {
        const HttpResult labels = httpGet(port(), "/api/v1/labels");
        QCOMPARE(labels.status, 200);
        QVERIFY(labels.json.value("labels").toArray().contains("person"));
        QVERIFY(labels.json.value("labels").toArray().contains("dog"));
        QCOMPARE(labels.json.value("recognizer").toString().size(), 64);
        QVERIFY(labels.json.value("problem").isNull());
    }

    void openApiDocumentIsServedAsJson()
    {
        const HttpResult document = httpGet(port(), "/api/v1/openapi.json");
        QCOMPARE(document.status, 200);
        QCOMPARE(document.header("Content-Type"), QByteArray("application/json"));
        QVERIFY(document.json.value("openapi").toString().startsWith("3.0"));
        QVERIFY(document.json.value("paths").toObject().contains("/api/v1/mining/jobs"));
    }

    void devicesUploadMultipartJobsAndListTheirOwn()
    {
        const QString anna = pairDevice("Anna's phone"), ben = pairDevice("Ben's phone");
        QVERIFY(!anna.isEmpty() && !ben.isEmpty() && anna != ben);
        const QByteArray photo = readFile(kPersonPhoto);
        const HttpResult annaJob = upload(formBody({{"label", "person"}, {"vote", "abstain"}}, photo), anna);
        QCOMPARE(annaJob.status, 202);
        const QString annaId = annaJob.json.value("id").toString();
        QVERIFY(annaJob.json.value("source").toString().startsWith("device:"));
        QCOMPARE(annaJob.json.value("label").toString(), QString("person"));
        const QJsonObject json{{"photo", QString::fromLatin1(photo.toBase64())}, {"label", "person"}};
        const HttpResult benJob = httpSend(port(), "POST", "/api/v1/mining/jobs", QJsonDocument(json).toJson(), 10000,
                                           {{"Authorization", "Bearer " + ben.toLatin1()}});
        QCOMPARE(benJob.status, 202);
        const HttpResult apiJob = upload(formBody({{"label", "person"}}, photo));
        QCOMPARE(apiJob.json.value("source").toString(), QString("api"));

        const auto mine = [&](const QString& token) {
            QStringList ids;
            const HttpResult r = httpSend(port(), "GET", "/api/v1/mining/jobs?mine=1", {}, 10000, {{"Authorization", "Bearer " + token.toLatin1()}});
            for (const QJsonValue& job : r.json.value("jobs").toArray()) ids.append(job.toObject().value("id").toString());
            return ids;
        };
        // Job lists come from the engine's latest snapshot: a new job shows up moments later.
        QVERIFY(waitUntil([&] { return mine(anna) == QStringList{annaId}; }, 10000));
        QVERIFY(waitUntil([&] { return mine(ben) == QStringList{benJob.json.value("id").toString()}; }, 10000));
        // Without ?mine=1 every source's jobs are listed (the last upload may reach the snapshot later).
        const QStringList allThree{annaId, benJob.json.value("id").toString(), apiJob.json.value("id").toString()};
        QVERIFY(waitUntil([&] {
            QStringList listed;
            for (const QJsonValue& job : httpGet(port(), "/api/v1/mining/jobs").json.value("jobs").toArray())
                listed.append(job.toObject().value("id").toString());
            return std::all_of(allThree.begin(), allThree.end(), [&](const QString& id) { return listed.contains(id); });
        }, 10000));
        QCOMPARE(errorCode(httpGet(port(), "/api/v1/mining/jobs?mine=1")), QString("token_required"));
        QCOMPARE(errorCode(httpGet(port(), "/api/v1/mining/jobs?mine=maybe")), QString("bad_parameter"));
    }

    void multipartMistakesArePreciseErrors()
    {
        const QByteArray photo = readFile(kPersonPhoto);
        QCOMPARE(errorCode(upload(formBody({{"label", "person"}, {"colour", "red"}}, photo))), QString("unknown_field"));
        QCOMPARE(errorCode(upload(formBody({{"label", "person"}}, {}))), QString("missing_field"));
        QCOMPARE(errorCode(upload(formBody({{"label", "person"}, {"photo", "inline"}}, {}))), QString("wrong_type"));
        QCOMPARE(errorCode(upload(formBody({{"label", "person"}, {"label", "dog"}}, photo))), QString("duplicate_field"));
        QCOMPARE(errorCode(upload(formBody({{"label", "unicorn"}}, photo))), QString("bad_job"));
        QCOMPARE(errorCode(upload(formBody({{"label", "person"}}, photo).chopped(30))), QString("bad_multipart"));
        const HttpResult longField = upload(formBody({{"label", QByteArray(300, 'a')}}, photo));
        QCOMPARE(longField.status, 413);
        QCOMPARE(errorCode(longField), QString("part_too_large"));
        const HttpResult bigPhoto = upload(formBody({{"label", "person"}}, "\x89PNG\r\n\x1A\n" + QByteArray(2 << 20, 'x')));
        QCOMPARE(bigPhoto.status, 413);
        const HttpResult wrongType = httpSend(port(), "POST", "/api/v1/mining/jobs", photo, 10000, {{"Content-Type", "image/png"}});
        QCOMPARE(wrongType.status, 415);
        QCOMPARE(errorCode(wrongType), QString("unsupported_media_type"));
    }
};

QTEST_MAIN(RestResourcesTest)
#include "tst_rest_resources.moc"
