#include "app/DesktopApp.h"
#include "core/util/DescriptorBudget.h"

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
#include "ui/WalletPage.h"

#include <QDialog>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QStatusBar>
#include <cstdio>

namespace pb::app {

ui::SettingOrigins settingOrigins(const Options& options, const QStringList& arguments)
{
    ui::SettingOrigins origins;
    const QString file = QObject::tr("the config file %1").arg(options.configFile);
    for (auto it = options.configFileValues.cbegin(); it != options.configFileValues.cend(); ++it)
        origins.insert(it.key(), {file, it.value()});
    // The arguments parsed include the saved settings (GuiSettings::withSavedOptions): only
    // those on the real command line override them.
    for (auto it = options.argumentValues.cbegin(); it != options.argumentValues.cend(); ++it)
        if (ui::GuiSettings::givenOnCommandLine(arguments, it.key())) origins.insert(it.key(), {QObject::tr("the command line"), it.value()});
    return origins;
}

void quitEverything(ui::MainWindow& window)
{
    // Rejected like a press of Cancel, so whoever opened a dialog sees it cancelled; guarded,
    // since rejecting one may delete another (WA_DeleteOnClose children).
    QList<QPointer<QDialog>> dialogs;
    for (QWidget* widget : QApplication::topLevelWidgets())
        if (auto* dialog = qobject_cast<QDialog*>(widget); dialog && dialog->isVisible()) dialogs.append(dialog);
    for (const QPointer<QDialog>& dialog : dialogs)
        if (dialog) dialog->reject();
    window.quit();
    // Ends every running event loop (a dialog's exec() included) and makes later ones return at
    // once; it needs QApplication::exec() to be running, which is why nothing here runs a dialog
    // before it.
    QCoreApplication::quit();
}

int runDesktopApp(QApplication& app, const DesktopHook& afterShow)
{
    // First, so that a signal during start-up (an error box included) also quits cleanly.
    ShutdownSignals shutdownSignals;
    bool quitRequested = false;

    // Saved settings fill in what the command line leaves out.
    const ParseOutcome parsed = parseOptions(ui::GuiSettings().withSavedOptions(app.arguments()), "Photoblocks desktop node and miner.");
    if (parsed.kind == ParseOutcome::ExitOk) {
        std::fputs(qPrintable(parsed.message), stdout);
        return 0;
    }
    if (parsed.kind == ParseOutcome::ExitError) {
        std::fprintf(stderr, "photoblocks: error: %s\n", qPrintable(parsed.message));
        QMessageBox box(QMessageBox::Critical, "Photoblocks",
                        QObject::tr("%1\n\nThe command line or the saved settings (Settings page, stored in %2) "
                                    "need correcting.").arg(parsed.message, QSettings().fileName()));
        QObject::connect(&shutdownSignals, &ShutdownSignals::shutdownRequested, &box, &QMessageBox::reject);
        box.exec();
        return 2;
    }
    const Options& options = parsed.options;

    // Before anything opens a descriptor: listeners size their caps from the raised limit.
    raiseDescriptorLimit();

    auto node = createNode(options.node);
    std::unique_ptr<api::ApiService> api;
    std::unique_ptr<PhotoFolder> photoFolder;
    ui::MainWindow window(*node, wallet::Keystore::fileIn(options.node.dataDir));
    QObject::connect(node.get(), &Node::started, &window, [&] {
        QString error;
        if (options.rest.port != 0) {
            api = std::make_unique<api::ApiService>(*node);
            if (const quint16 port = api->start(options.rest, &error); port != 0)
                window.mobilePage()->setApi(api->pairingDesk(), port, options.rest.listenAll);
            else
                QMessageBox::warning(&window, "Photoblocks", QObject::tr("The REST API is off: %1").arg(error));
        }
        if (!options.photosDir.isEmpty()) {
            photoFolder = std::make_unique<PhotoFolder>(
                *node, options.photosDir, [&window](const QString& line) { window.statusBar()->showMessage(line, 10000); });
            if (!photoFolder->start(&error))
                QMessageBox::warning(&window, "Photoblocks", QObject::tr("The photo folder is not watched: %1").arg(error));
        }
    });
    // A terminal's Ctrl-C or a logout's SIGTERM closes every dialog and the window, so the node
    // and its Redis stop cleanly.
    QObject::connect(&shutdownSignals, &ShutdownSignals::shutdownRequested, &window, [&](int number) {
        std::fprintf(stderr, "photoblocks: signal %d received, shutting down\n", number);
        quitRequested = true;
        quitEverything(window);
    });
    window.setSettingOrigins(settingOrigins(options, app.arguments()));
    window.show();
    if (afterShow) afterShow(window, *node);

    // The node starts once the first-run offer is answered (so that a wallet created now
    // receives this run's mining rewards); the offer runs inside the main event loop, where a
    // shutdown signal can end it.
    const auto startNode = [&] {
        if (!quitRequested) node->start();
    };
    QPointer<ui::FirstRunDialog> offer;
    if (ui::FirstRunDialog::wanted(*window.walletPage()->session())) {
        offer = new ui::FirstRunDialog(*window.walletPage()->session(), &window);
        offer->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(offer.data(), &QDialog::finished, &window, startNode);
        offer->open();
    } else {
        startNode();
    }
    const int code = app.exec();
    photoFolder.reset();
    api.reset();
    node->stop();
    return code;
}

} // namespace pb::app
