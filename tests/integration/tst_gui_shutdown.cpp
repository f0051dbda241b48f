// SIGTERM quits the desktop app cleanly at any moment, dialogs included: the first-run wallet
// offer (before the node starts), a wallet passphrase dialog and the ban dialog (a nested event
// loop) while the node runs. The app runs in a real child process (this executable with
// --child), on the offscreen platform, driven by a scripted user through its real window.
#include "app/DesktopApp.h"
#include "core/node/Node.h"
#include "ui/FirstRunDialog.h"
#include "ui/MainWindow.h"
#include "ui/PeersPage.h"
#include "ui/BanDialog.h"
#include "ui/WalletDialogs.h"
#include "ui/WalletPage.h"

#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <csignal>
#include <cstdio>

namespace {

// The child: the real desktop app plus a user who opens the scenario's dialog, then says READY.
int runChild(int argc, char* argv[])
{
    const QString scenario = argv[2];
    std::vector<char*> appArgv{argv[0]};
    for (int i = 3; i < argc; ++i) appArgv.push_back(argv[i]);
    int appArgc = int(appArgv.size());
    QApplication app(appArgc, appArgv.data());
    QApplication::setOrganizationName("photoblocks");
    QApplication::setApplicationName("photoblocks");
    // A user who once skipped the offer does not see it again.
    QSettings().setValue("wallet/firstRunSkipped", scenario != "first-run");

    return pb::app::runDesktopApp(app, [scenario](pb::ui::MainWindow& window, pb::Node& node) {
        auto* user = new QTimer(&window);
        auto opened = std::make_shared<bool>(false);
        auto ready = std::make_shared<bool>(false);
        QObject::connect(user, &QTimer::timeout, &window, [&window, &node, scenario, opened, ready] {
            const auto visible = [](auto* typeTag) {
                for (QWidget* w : QApplication::topLevelWidgets())
                    if (qobject_cast<std::remove_pointer_t<decltype(typeTag)>*>(w) && w->isVisible()) return true;
                return false;
            };
            if (!*opened && scenario != "first-run" && node.status().ready) {
                *opened = true;
                if (scenario == "passphrase") {
                    window.showPage(pb::ui::MainWindow::WalletIndex);
                    window.walletPage()->createButton()->click();
                } else {
                    window.showPage(pb::ui::MainWindow::PeersIndex);
                    // Its dialog runs a nested event loop inside this call; this timer keeps firing.
                    for (auto* button : window.peersPage()->findChildren<QPushButton*>())
                        if (button->accessibleName() == "Ban an address or subnet") button->click();
                }
                return;
            }
            const bool shown = scenario == "first-run"    ? visible(static_cast<pb::ui::FirstRunDialog*>(nullptr))
                               : scenario == "passphrase" ? visible(static_cast<pb::ui::CreateWalletDialog*>(nullptr))
                                                          : visible(static_cast<pb::ui::BanDialog*>(nullptr));
            if (shown && !*ready) {
                *ready = true;
                std::printf("READY %s node-running=%d\n", qPrintable(scenario), int(node.status().ready));
                std::fflush(stdout);
            }
        });
        user->start(100);
    });
}

bool processAlive(qint64 pid) { return pid > 0 && ::kill(pid_t(pid), 0) == 0; }

qint64 redisPid(const QString& dataDir)
{
    QFile f(dataDir + "/redis/redis.pid");
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong() : 0;
}

} // namespace

class GuiShutdownTest : public QObject {
    Q_OBJECT
private slots:
    void sigtermWithADialogOpenQuitsCleanly_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<bool>("nodeRuns");
        QTest::newRow("first-run wallet offer") << "first-run" << false;
        QTest::newRow("wallet passphrase dialog") << "passphrase" << true;
        QTest::newRow("ban dialog") << "ban" << true;
    }

    void sigtermWithADialogOpenQuitsCleanly()
    {
        QFETCH(QString, scenario);
        QFETCH(bool, nodeRuns);
        QTemporaryDir home("/tmp/pbXXXXXX");
        const QString dataDir = home.filePath("node");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_CONFIG_HOME", home.filePath("config"));
        env.insert("XDG_DATA_HOME", home.filePath("data"));
        env.insert("QT_QPA_PLATFORM", "offscreen");
        QProcess app;
        app.setProcessEnvironment(env);
        app.start(QCoreApplication::applicationFilePath(),
                  {"--child", scenario, "--network", "test", "--datadir", dataDir, "--seed", "127.0.0.1:1"});
        QVERIFY(app.waitForStarted(10000));
        QByteArray out;
        QElapsedTimer waited;
        waited.start();
        while (!out.contains("READY") && app.state() == QProcess::Running && waited.elapsed() < 90000) {
            app.waitForReadyRead(500);
            out += app.readAllStandardOutput();
        }
        QVERIFY2(out.contains("READY " + scenario.toLatin1()), qPrintable(QString::fromUtf8(out + app.readAllStandardError())));
        QVERIFY2(out.contains(nodeRuns ? "node-running=1" : "node-running=0"), out.constData());
        const qint64 redis = redisPid(dataDir);
        QCOMPARE(redis != 0, nodeRuns);

        ::kill(pid_t(app.processId()), SIGTERM);
        QVERIFY2(app.waitForFinished(30000), "the app ignored SIGTERM");
        const QString err = QString::fromUtf8(app.readAllStandardError());
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QVERIFY2(app.exitCode() == 0, qPrintable(err));
        QVERIFY2(err.contains("signal 15 received, shutting down"), qPrintable(err));
        if (nodeRuns) {
            QElapsedTimer gone;
            gone.start();
            while (processAlive(redis) && gone.elapsed() < 15000) QTest::qWait(100);
            QVERIFY2(!processAlive(redis), "redis-server outlived the app");
        } else {
            // The offer was dismissed by the signal: the node never started behind it.
            QVERIFY2(!QFile::exists(dataDir + "/redis"), qPrintable(err));
        }
    }
};

int main(int argc, char* argv[])
{
    if (argc > 2 && QByteArray(argv[1]) == "--child") return runChild(argc, argv);
    QCoreApplication app(argc, argv);
    GuiShutdownTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_shutdown.moc"
