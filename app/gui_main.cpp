// photoblocks: the desktop application. Runs the same engine as photoblocksd on its own
// thread and shows it through the widgets in ui/.
#include "app/Options.h"
#include "app/ShutdownSignals.h"
#include "core/api/ApiService.h"
#include "core/node/Node.h"
#include "core/node/PhotoFolder.h"
#include "core/wallet/Keystore.h"
#include "ui/FirstRunDialog.h"
#include "ui/GuiSettings.h"
#include "ui/MainWindow.h"
#include "ui/MobilePage.h"
#include "ui/Translations.h"
#include "ui/WalletPage.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <cstdio>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName("photoblocks");
    QApplication::setApplicationName("photoblocks");
    QApplication::setApplicationVersion(PB_VERSION);
    QApplication::setWindowIcon(QIcon(":/photoblocks.svg"));
    QGuiApplication::setDesktopFileName("org.photoblocks.Photoblocks");  // installer/*.desktop
    const pb::ui::Translations translations(pb::ui::GuiSettings().language());

    // Saved settings fill in what the command line leaves out.
    const pb::app::ParseOutcome parsed = pb::app::parseOptions(pb::ui::GuiSettings().withSavedOptions(app.arguments()),
                                                               "Photoblocks desktop node and miner.");
    if (parsed.kind == pb::app::ParseOutcome::ExitOk) {
        std::fputs(qPrintable(parsed.message), stdout);
        return 0;
    }
    if (parsed.kind == pb::app::ParseOutcome::ExitError) {
        std::fprintf(stderr, "photoblocks: error: %s\n", qPrintable(parsed.message));
        QMessageBox::critical(nullptr, "Photoblocks",
                              QObject::tr("%1\n\nThe command line or the saved settings (Settings page, stored in %2) "
                                          "need correcting.").arg(parsed.message, QSettings().fileName()));
        return 2;
    }
    const pb::app::Options& options = parsed.options;

    auto node = pb::createNode(options.node);
    std::unique_ptr<pb::api::ApiService> api;
    std::unique_ptr<pb::PhotoFolder> photoFolder;
    pb::ui::MainWindow window(*node, pb::wallet::Keystore::fileIn(options.node.dataDir));
    QObject::connect(node.get(), &pb::Node::started, &window, [&] {
        QString error;
        if (options.rest.port != 0) {
            api = std::make_unique<pb::api::ApiService>(*node);
            if (const quint16 port = api->start(options.rest, &error); port != 0)
                window.mobilePage()->setApi(api->pairingDesk(), port, options.rest.listenAll);
            else
                QMessageBox::warning(&window, "Photoblocks", QObject::tr("The REST API is off: %1").arg(error));
        }
        if (!options.photosDir.isEmpty()) {
            photoFolder = std::make_unique<pb::PhotoFolder>(
                *node, options.photosDir, [&window](const QString& line) { window.statusBar()->showMessage(line, 10000); });
            if (!photoFolder->start(&error))
                QMessageBox::warning(&window, "Photoblocks", QObject::tr("The photo folder is not watched: %1").arg(error));
        }
    });
    // A terminal's Ctrl-C or a logout's SIGTERM closes the window the normal way, so the node
    // and its Redis stop cleanly.
    pb::app::ShutdownSignals shutdownSignals;
    QObject::connect(&shutdownSignals, &pb::app::ShutdownSignals::shutdownRequested, &window, [&window] {
        window.quit();
    });
    window.show();
    // Before the node starts, so that a wallet created now receives this run's mining rewards.
    if (pb::ui::FirstRunDialog::wanted(*window.walletPage()->session()))
        pb::ui::FirstRunDialog(*window.walletPage()->session(), &window).exec();
    node->start();
    const int code = app.exec();
    photoFolder.reset();
    api.reset();
    node->stop();
    return code;
}
