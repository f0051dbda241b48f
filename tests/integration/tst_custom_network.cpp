// A head starts a network of its own; nodes join it with the network file it wrote, and
// nodes of other networks or with a doctored file are refused with a reason.
#include "DaemonProcess.h"
#include "core/node/NetworkFile.h"
#include "core/util/Bytes.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace pb;
using namespace pb::test;

namespace {

QJsonArray peersOf(DaemonProcess& d) { return d.operatorGet("/api/v1/peers").json.value("peers").toArray(); }

int handshakenPeers(DaemonProcess& d)
{
    int n = 0;
    for (const QJsonValue& p : peersOf(d)) n += p.toObject().value("id").toString().isEmpty() ? 0 : 1;
    return n;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

} // namespace

class CustomNetworkTest : public QObject {
    Q_OBJECT
private slots:
    void headCreatesTheNetworkAndKeepsItAcrossRestarts()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        const quint16 port = freeLoopbackPort();
        QString genesis;
        {
            DaemonProcess head(dir.path());
            head.setNetwork("alpha");
            QVERIFY2(head.start({"--mode", "head", "--port", QString::number(port)}), qPrintable(head.stderrText()));
            const QJsonObject s = head.status();
            QCOMPARE(s.value("network").toString(), QString("alpha"));
            QCOMPARE(s.value("height").toInteger(), 0);
            genesis = s.value("genesisHash").toString();
            QCOMPARE(s.value("tipHash").toString(), genesis);
            QVERIFY(genesis != QString::fromStdString(toHex(networkByName("dev")->genesisHash())));
            QVERIFY2(head.stderrText().contains("created network alpha"), qPrintable(head.stderrText()));
            QCOMPARE(head.terminate(), 0);
        }
        const NetworkFileResult file = readNetworkFile(dir.path() + "/network.json");
        QVERIFY2(file.params, qPrintable(file.error));
        QCOMPARE(QString::fromStdString(toHex(file.params->genesisHash())), genesis);
        QCOMPARE(file.params->defaultPeerPort, port);

        DaemonProcess again(dir.path());
        again.setNetwork("alpha");
        QVERIFY2(again.start({"--mode", "head", "--port", QString::number(port)}), qPrintable(again.stderrText()));
        QCOMPARE(again.status().value("genesisHash").toString(), genesis);
        QVERIFY(!again.stderrText().contains("created network"));
        QCOMPARE(again.terminate(), 0);
    }

    void nodesJoinWithTheHeadsFileAndSyncItsChain()
    {
        // Test-network difficulty on a custom genesis, so blocks come fast.
        CustomNetworkSpec spec;
        spec.name = "beta";
        spec.genesisTime = 1793491200;
        spec.salt.fill(0x5a);
        spec.genesisBits = 0x1e100000;
        spec.powLimitBits = 0x207fffff;
        spec.retargetInterval = 0;
        spec.defaultPeerPort = freeLoopbackPort();
        std::string error;
        const auto params = customNetwork(spec, &error);
        QVERIFY2(params, error.c_str());
        QTemporaryDir headDir("/tmp/pbXXXXXX"), fullDir("/tmp/pbXXXXXX"), devDir("/tmp/pbXXXXXX");
        const QString file = headDir.path() + "/beta.json";
        QVERIFY(writeNetworkFile(*params, file).isEmpty());

        DaemonProcess head(headDir.path());
        head.setNetwork({});
        QVERIFY2(head.start({"--network-file", file, "--mode", "head", "--mine"}), qPrintable(head.stderrText()));
        QCOMPARE(head.status().value("network").toString(), QString("beta"));
        QVERIFY(waitUntil([&] { return head.height() >= 5; }, 30000));

        // No --seed: the file names the head's port as the network's seed.
        DaemonProcess full(fullDir.path());
        full.setNetwork("beta");
        QVERIFY2(full.start({"--network-file", file}), qPrintable(full.stderrText()));
        QVERIFY2(waitUntil([&] { return handshakenPeers(full) == 1; }, 20000), qPrintable(full.stderrText()));
        QVERIFY2(waitUntil([&] { return full.height() >= 5; }, 30000), qPrintable(full.stderrText()));
        QCOMPARE(httpGet(full.restPort(), "/api/v1/blocks/5").json.value("hash"),
                 httpGet(head.restPort(), "/api/v1/blocks/5").json.value("hash"));
        QVERIFY(QFile::exists(fullDir.path() + "/network.json"));

        // A dev node pointed at the head refuses it: another genesis.
        DaemonProcess dev(devDir.path());
        dev.setNetwork("dev");
        QVERIFY2(dev.start({"--seed", QString("127.0.0.1:%1").arg(spec.defaultPeerPort), "--port", "0"}),
                 qPrintable(dev.stderrText()));
        const bool refused = waitUntil([&] { return dev.stderrText().contains("wrong network"); }, 15000);
        if (!refused) qInfo().noquote() << dev.stderrText();
        QVERIFY(refused);
        QTest::qWait(500);
        QCOMPARE(handshakenPeers(dev), 0);
        QCOMPARE(dev.terminate(), 0);
        QCOMPARE(full.terminate(), 0);
        QCOMPARE(head.terminate(), 0);
    }

    void unknownOrDoctoredNetworksAreRefusedWithAReason()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        {
            DaemonProcess full(dir.path());
            full.setNetwork("gamma");
            QVERIFY(!full.start({}));
            full.process().waitForFinished(10000);
            QCOMPARE(full.process().exitCode(), 1);
            QVERIFY2(full.stderrText().contains("network.json") && full.stderrText().contains("--network-file"),
                     qPrintable(full.stderrText()));
        }
        {
            DaemonProcess bad(dir.path());
            bad.setNetwork("Not A Name");
            QVERIFY(!bad.start({}));
            bad.process().waitForFinished(10000);
            QCOMPARE(bad.process().exitCode(), 2);
            QVERIFY2(bad.stderrText().contains("lower-case letters"), qPrintable(bad.stderrText()));
        }
        CustomNetworkSpec spec;
        spec.name = "delta";
        spec.genesisTime = 1793491200;
        std::string error;
        const auto params = customNetwork(spec, &error);
        QVERIFY2(params, error.c_str());
        const QString file = dir.path() + "/delta.json";
        QVERIFY(writeNetworkFile(*params, file).isEmpty());
        writeAll(file, readAll(file).replace("\"genesisTime\": 1793491200", "\"genesisTime\": 1793491201"));
        DaemonProcess doctored(dir.path());
        doctored.setNetwork({});
        QVERIFY(!doctored.start({"--network-file", file}));
        doctored.process().waitForFinished(10000);
        QVERIFY2(doctored.stderrText().contains("does not match the parameters"), qPrintable(doctored.stderrText()));
    }

    void networkFileParserNamesEveryDefect()
    {
        CustomNetworkSpec spec;
        spec.name = "epsilon";
        spec.genesisTime = 1793491200;
        std::string error;
        const auto params = customNetwork(spec, &error);
        QVERIFY2(params, error.c_str());
        QTemporaryDir dir("/tmp/pbXXXXXX");
        const QString path = dir.path() + "/n.json";
        QVERIFY(writeNetworkFile(*params, path).isEmpty());
        const QByteArray good = readAll(path);
        const NetworkFileResult ok = parseNetworkFile(good);
        QVERIFY2(ok.params, qPrintable(ok.error));
        QCOMPARE(ok.params->genesisHash(), params->genesisHash());

        const auto errorFor = [&](const QByteArray& text) { return parseNetworkFile(text).error; };
        QVERIFY(errorFor("{").contains("not JSON"));
        QVERIFY(errorFor("[]").contains("not a JSON object"));
        QVERIFY(errorFor(QByteArray(good).replace("\"name\"", "\"nom\"")).contains("unknown key 'nom'"));
        QVERIFY(errorFor(QByteArray(good).replace("\"epsilon\"", "\"EPS\"")).contains("network name"));
        QVERIFY(errorFor(QByteArray(good).replace("\"1d400000\"", "\"zz\"")).contains("8 hex digits"));
        QVERIFY(errorFor(QByteArray(good).replace("\"targetBlockSeconds\": 5", "\"targetBlockSeconds\": 0")).contains("targetBlockSeconds"));
        QVERIFY(errorFor(QByteArray(good).replace("photoblocks-network/1", "photoblocks-network/9")).contains("format"));
    }
};

QTEST_GUILESS_MAIN(CustomNetworkTest)
#include "tst_custom_network.moc"
