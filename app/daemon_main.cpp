// photoblocksd: the headless node. Same engine and options as the desktop app.
#include "app/Options.h"
#include "app/JobCommand.h"
#include "app/MiningCommand.h"
#include "app/PairCommand.h"
#include "app/RecognizeCommand.h"
#include "app/WalletCommand.h"
#include "app/ShutdownSignals.h"
#include "core/node/StatusText.h"
#include "core/api/ApiService.h"
#include "core/node/Node.h"
#include "core/node/PhotoFolder.h"
#include "core/util/DescriptorBudget.h"

#include <QCoreApplication>
#include <QTimer>
#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName("photoblocksd");
    QCoreApplication::setApplicationVersion(PB_VERSION);

    // Subcommands; each answers `--help` with its usage.
    if (app.arguments().size() > 1) {
        const QString command = app.arguments().at(1);
        const QStringList rest = app.arguments().mid(2);
        QTextStream in(stdin), out(stdout), err(stderr);
        // `recognize FILE...`: what the recognizer sees, as JSON; no node is started.
        if (command == "recognize") return pb::app::runRecognizeCommand(rest, out, err);
        // `job …`: a client of a running node's REST API.
        if (command == "job") return pb::app::runJobCommand(rest, out, err);
        // `pair …`: pairing codes and paired devices of a running node.
        if (command == "pair") return pb::app::runPairCommand(rest, out, err);
        // `mining …`: start, stop and watch a running node's miner.
        if (command == "mining") return pb::app::runMiningCommand(rest, out, err);
        // `wallet …`: the keystore here, balances and sends through a running node.
        if (command == "wallet") return pb::app::runWalletCommand(rest, in, out, err);
    }

    const pb::app::ParseOutcome parsed =
        pb::app::parseOptions(app.arguments(), "Photoblocks node: a blockchain whose blocks are photographs.\n\n"
                                               "Commands (each with --help): photoblocksd wallet | mining | pair | job | recognize");
    if (parsed.kind == pb::app::ParseOutcome::ExitOk) {
        std::fputs(qPrintable(parsed.message), stdout);
        return 0;
    }
    if (parsed.kind == pb::app::ParseOutcome::ExitError) {
        std::fprintf(stderr, "photoblocksd: error: %s\nTry `photoblocksd --help`.\n", qPrintable(parsed.message));
        return 2;
    }
    const pb::app::Options& options = parsed.options;

    // Before anything opens a descriptor: listeners size their caps from the raised limit.
    if (const auto fds = pb::raiseDescriptorLimit(); fds && fds->soft != fds->before)
        std::fprintf(stderr, "photoblocksd: descriptor limit raised from %ld to %ld\n", fds->before, fds->soft);

    auto node = pb::createNode(options.node);
    std::unique_ptr<pb::api::ApiService> api;
    std::unique_ptr<pb::PhotoFolder> photoFolder;
    int exitCode = 0;

    pb::app::ShutdownSignals shutdownSignals;
    QObject::connect(&shutdownSignals, &pb::app::ShutdownSignals::shutdownRequested, &app, [&](int number) {
        std::fprintf(stderr, "photoblocksd: signal %d received, shutting down\n", number);
        QCoreApplication::quit();
    });
    QObject::connect(node.get(), &pb::Node::failed, &app, [&](const QString& reason) {
        std::fprintf(stderr, "photoblocksd: error: %s\n", qPrintable(reason));
        exitCode = 1;
        QCoreApplication::quit();
    });
    QTimer statusTimer;
    statusTimer.setInterval(5000);
    QObject::connect(&statusTimer, &QTimer::timeout, &app,
                     [&] { std::fprintf(stderr, "%s\n", qPrintable(pb::statusLine(node->status()))); });
    QObject::connect(node.get(), &pb::Node::started, &app, [&] {
        if (options.rest.port != 0) {
            api = std::make_unique<pb::api::ApiService>(*node);
            QString error;
            const quint16 port = api->start(options.rest, &error);
            if (port == 0) {
                std::fprintf(stderr, "photoblocksd: error: %s\n", qPrintable(error));
                exitCode = 1;
                QCoreApplication::quit();
                return;
            }
            std::fprintf(stderr, "photoblocksd: REST API on %s://%s:%u/api/v1/status (operator token in %s)\n",
                         options.rest.tlsCertificate.isEmpty() ? "http" : "https",
                         options.rest.listenAll ? "0.0.0.0" : "127.0.0.1", port, qPrintable(options.rest.operatorCookieFile));
        }
        if (!options.photosDir.isEmpty()) {
            photoFolder = std::make_unique<pb::PhotoFolder>(
                *node, options.photosDir, [](const QString& line) { std::fprintf(stderr, "photoblocksd: %s\n", qPrintable(line)); });
            QString error;
            if (!photoFolder->start(&error)) {
                std::fprintf(stderr, "photoblocksd: error: %s\n", qPrintable(error));
                exitCode = 1;
                QCoreApplication::quit();
                return;
            }
        }
        statusTimer.start();
    });

    node->start();
    app.exec();
    photoFolder.reset();
    api.reset();
    node->stop();
    return exitCode;
}
