// Which recognizer a node runs: on dev and test NanoDet, whose identity they pin byte for byte;
// on a new custom network the fused recognizer's version 2, whose identity new networks pin; on a
// custom network whose file pins NanoDet or version 1, that; --recognizer (or a classifier model)
// chooses another; a recognizer that cannot start is an error naming why, never a fallback to
// another recognizer.
#include "app/Options.h"
#include "core/chain/NetworkParams.h"
#include "core/node/NetworkFile.h"
#include "core/node/RecognizerChoice.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace pb;

namespace {

app::ParseOutcome parse(const QStringList& arguments)
{
    return app::parseOptions(QStringList{"photoblocksd", "--datadir", "/tmp/pb-unused"} + arguments, "test");
}

// The options with a data directory of the test's own.
app::ParseOutcome parseIn(const QString& dataDir, const QStringList& arguments)
{
    return app::parseOptions(QStringList{"photoblocksd", "--datadir", dataDir} + arguments, "test");
}

} // namespace

class RecognizerChoiceFollowsOptions : public QObject {
    Q_OBJECT
private slots:
    void nanoDetIsTheDefaultAndTheBuiltInNetworksPinIt()
    {
        const NodeConfig config = parse({}).options.node;
        QCOMPARE(chosenRecognizerKind(config), QString("nanodet"));
        std::string error;
        const auto recognizer = createRecognizer(config, &error);
        QVERIFY2(recognizer, error.c_str());
        QCOMPARE(recognizer->labels().size(), size_t(80));
        // Changing the default recognizer is a consensus change: this pin moves with it, on purpose.
        QCOMPARE(recognizer->identity(), defaultRecognizerIdentity());
        QCOMPARE(networkByName("dev")->recognizerIdentity, defaultRecognizerIdentity());
        QCOMPARE(networkByName("test")->recognizerIdentity, defaultRecognizerIdentity());
    }

    // Never change a network's recognizer under it: these are the identities dev and test pinned
    // before the fused recognizer existed.
    void builtInNetworksKeepPinningNanoDetByteForByte()
    {
        const std::string nanodet = "5fed218f8e8a447fa92d1bc84019199ef084002805a1ec9e87a4d4c01adfb48b";
        QCOMPARE(defaultRecognizerIdentity(), nanodet);
        QCOMPARE(networkByName("dev")->recognizerIdentity, nanodet);
        QCOMPARE(networkByName("test")->recognizerIdentity, nanodet);
        QCOMPARE(chosenRecognizerKind(parse({"--network", "test"}).options.node), QString("nanodet"));
    }

    void newCustomNetworksPinTheFusedRecognizersVersion2()
    {
        QTemporaryDir dataDir;
        const NodeConfig config = parseIn(dataDir.path(), {"--network", "garden", "--mode", "head"}).options.node;
        QCOMPARE(chosenRecognizerKind(config), QString("fused2"));
        std::string error;
        const auto recognizer = createRecognizer(config, &error);
        QVERIFY2(recognizer, error.c_str());
        QCOMPARE(recognizer->labels().size(), size_t(81));
        QCOMPARE(recognizer->labels().back(), std::string("face"));
        // Changing the fused recognizer is a consensus change for the networks created with it.
        QCOMPARE(QString::fromStdString(recognizer->identity()), QString::fromStdString(fusedRecognizerVersion2Identity()));
        QCOMPARE(CustomNetworkSpec{}.recognizerIdentity, fusedRecognizerVersion2Identity());
        const ResolvedNetwork network = resolveNetwork(config, 1'800'000'000, std::string());
        QVERIFY2(network.params, qPrintable(network.error));
        QCOMPARE(network.params->recognizerIdentity, fusedRecognizerVersion2Identity());
    }

    // Never change a network's recognizer under it: the identity custom networks pinned before
    // version 2 existed, byte for byte, and such a network's nodes keep running version 1.
    void aCustomNetworkThatPinsTheFusedRecognizersVersion1KeepsRunningIt()
    {
        QCOMPARE(fusedRecognizerIdentity(), std::string("d3c6d632c66c8983e7c88892dc4039b53f7ed70c85cb45c9b37d7cde392be228"));
        QTemporaryDir dataDir;
        const NetworkFileResult created = createNetwork("meadow", 1'800'000'000, 7100, fusedRecognizerIdentity());
        QVERIFY2(created.params, qPrintable(created.error));
        QVERIFY(writeNetworkFile(*created.params, networkFileInDataDir(dataDir.path())).isEmpty());
        const NodeConfig config = parseIn(dataDir.path(), {"--network", "meadow"}).options.node;
        QCOMPARE(chosenRecognizerKind(config), QString("fused"));
        std::string error;
        const auto recognizer = createRecognizer(config, &error);
        QVERIFY2(recognizer, error.c_str());
        QCOMPARE(recognizer->identity(), fusedRecognizerIdentity());
    }

    void cascadesAreChosenByName()
    {
        const app::ParseOutcome parsed = parse({"--recognizer", "cascade"});
        QCOMPARE(parsed.kind, app::ParseOutcome::Run);
        std::string error;
        const auto recognizer = createRecognizer(parsed.options.node, &error);
        QVERIFY2(recognizer, error.c_str());
        QCOMPARE(recognizer->labels(), std::vector<std::string>{"face"});
        QVERIFY(recognizer->identity() != defaultRecognizerIdentity());
    }

    void unknownOrInconsistentChoicesAreUsageErrors()
    {
        app::ParseOutcome parsed = parse({"--recognizer", "owl"});
        QCOMPARE(parsed.kind, app::ParseOutcome::ExitError);
        QVERIFY2(parsed.message.contains("`owl` is not one of nanodet, fused, fused2, cascade, dnn"), qPrintable(parsed.message));
        parsed = parse({"--recognizer", "dnn"});
        QCOMPARE(parsed.kind, app::ParseOutcome::ExitError);
        QVERIFY2(parsed.message.contains("--recognizer dnn and --recognizer-model go together"), qPrintable(parsed.message));
        parsed = parse({"--recognizer", "cascade", "--recognizer-model", "m.weights", "--recognizer-labels", "l.txt"});
        QCOMPARE(parsed.kind, app::ParseOutcome::ExitError);
        parsed = parse({"--recognizer-model", "m.weights", "--recognizer-labels", "l.txt"});
        QCOMPARE(parsed.kind, app::ParseOutcome::Run);
        QCOMPARE(chosenRecognizerKind(parsed.options.node), QString("dnn"));
    }

    void nanoDetWithoutItsModelIsAnErrorNotAFallback()
    {
        QTemporaryDir empty;
        const app::ParseOutcome parsed = parse({"--recognizer-nanodet-dir", empty.path()});
        QCOMPARE(parsed.kind, app::ParseOutcome::Run);
        std::string error;
        QVERIFY(!createRecognizer(parsed.options.node, &error));
        QVERIFY2(error.find(empty.path().toStdString() + "/nanodet.json is missing") != std::string::npos, error.c_str());
    }
};

QTEST_GUILESS_MAIN(RecognizerChoiceFollowsOptions)
#include "tst_recognizer_choice.moc"
