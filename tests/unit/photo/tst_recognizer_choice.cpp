// Which recognizer a node runs: NanoDet unless --recognizer (or a classifier model) chooses
// another, the built-in networks pin NanoDet's identity, and a recognizer that cannot start is
// an error naming why, never a fallback to another recognizer.
#include "app/Options.h"
#include "core/chain/NetworkParams.h"
#include "core/node/RecognizerChoice.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace pb;

namespace {

app::ParseOutcome parse(const QStringList& arguments)
{
    return app::parseOptions(QStringList{"photoblocksd", "--datadir", "/tmp/pb-unused"} + arguments, "test");
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
        QVERIFY2(parsed.message.contains("`owl` is not one of nanodet, cascade, dnn"), qPrintable(parsed.message));
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
