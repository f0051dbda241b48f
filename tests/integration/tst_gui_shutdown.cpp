// SIGTERM quits the desktop app cleanly at any moment, dialogs included: the first-run wallet
// offer (before the node starts; the node then never starts), the node started after Skip, a
// wallet passphrase dialog and the ban dialog (a nested event loop) while the node runs. And the
// Mobile and Settings pages name the options the command line or a config file set. The app runs in a real child process (this executable with
// --child), on the offscreen platform, driven by a scripted user through its real window.
#include "app/DesktopApp.h"
#include "core/node/Node.h"
#include "ui/FirstRunDialog.h"
#include "ui/MainWindow.h"
#include "ui/MobilePage.h"
#include "ui/SettingsPage.h"
#include "ui/PeersPage.h"
#include "ui/BanDialog.h"
#include "ui/WalletDialogs.h"
#include "ui/WalletPage.h"

#include <QCheckBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTcpServer>
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
    QSettings().setValue("wallet/firstRunSkipped", scenario != "first-run" && scenario != "skip");

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
            if (scenario == "origins") {
                // Once the REST API runs: what the Mobile and Settings pages say about it.
                if (*ready || !window.mobilePage()->apiStateText().startsWith("The REST API is on")) return;
                *ready = true;
                const QJsonObject pages{{"apiState", window.mobilePage()->apiStateText()},
                                        {"restBoxChecked", window.mobilePage()->restEnabledBox()->isChecked()},
                                        {"mobileNote", window.mobilePage()->originNote()->text()},
                                        {"mobileNoteShown", !window.mobilePage()->originNote()->isHidden()},
                                        {"settingsNote", window.settingsPage()->originNote()->text()}};
                // Screenshots with the others (tests/support/Screenshots.h's folder; QtTest's
                // checks are not available in this child).
                const QString shots = qEnvironmentVariable("PB_BUILD_DIR", QDir::tempPath()) + "/screenshots";
                QDir().mkpath(shots);
                window.resize(1100, 760);
                for (const auto& [page, name] : {std::pair{int(pb::ui::MainWindow::MobileIndex), "mobile-option-origins"},
                                                 std::pair{int(pb::ui::MainWindow::SettingsIndex), "settings-option-origins"}}) {
                    window.showPage(page);
                    window.grab().save(shots + "/" + name + ".png");
                }
                std::printf("READY origins %s\n", QJsonDocument(pages).toJson(QJsonDocument::Compact).constData());
                std::fflush(stdout);
                return;
            }
            if (scenario == "skip") {
                // The user answers the offer with Skip: the node starts behind it.
                for (QWidget* w : QApplication::topLevelWidgets())
                    if (auto* offer = qobject_cast<pb::ui::FirstRunDialog*>(w); offer && offer->isVisible() && !*opened) {
                        *opened = true;
                        offer->skipButton()->click();
                    }
                if (*opened && node.status().ready && !*ready) {
                    *ready = true;
                    std::printf("READY skip node-running=1\n");
                    std::fflush(stdout);
                }
                return;
            }
            if (!*opened && scenario != "first-run" && node.status().ready) {
                *opened = true;
                if (scenario == "passphrase") {
                    window.showPage(pb::ui::MainWindow::WalletIndex);
                    window.walletPage()->createButton()->click();
                } else {
                    window.showPage(pb::ui::MainWindow::PeersIndex);
                    // Its dialog runs a nested event loop inside the click: clicked from a timer
                    // of its own, since Qt does not fire this timer again while its slot runs.
                    for (auto* button : window.peersPage()->findChildren<QPushButton*>())
                        if (button->accessibleName() == "Ban an address or subnet") QTimer::singleShot(0, button, &QPushButton::click);
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

    // Starts the app in a child process on a fresh home and data directory; returns its
    // standard output up to the READY line (or all of it when it never came).
    QByteArray startChild(QProcess& app, const QTemporaryDir& home, const QString& scenario, const QStringList& extraArgs)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_CONFIG_HOME", home.filePath("config"));
        env.insert("XDG_DATA_HOME", home.filePath("data"));
        env.insert("QT_QPA_PLATFORM", "offscreen");
        app.setProcessEnvironment(env);
        app.start(QCoreApplication::applicationFilePath(),
                  QStringList{"--child", scenario, "--network", "test", "--datadir", home.filePath("node"), "--seed", "127.0.0.1:1"}
                      + extraArgs);
        if (!app.waitForStarted(10000)) return {};
        QByteArray out;
        QElapsedTimer waited;
        waited.start();
        while (!out.contains("READY") && app.state() == QProcess::Running && waited.elapsed() < 90000) {
            app.waitForReadyRead(500);
            out += app.readAllStandardOutput();
        }
        while (out.contains("READY") && !out.endsWith('\n') && app.waitForReadyRead(5000)) out += app.readAllStandardOutput();
        return out;
    }

private slots:
    // The REST API turned on by the command line while the saved setting is off, the mode set
    // by the config file: the Mobile page says the API is on and why its box is not ticked;
    // the Settings page names both options and what applies at the next start.
    void pagesSayWhichOptionsTheCommandLineAndConfigFileSet()
    {
        QTemporaryDir home("/tmp/pbXXXXXX");
        QVERIFY(QDir().mkpath(home.filePath("node")));
        QFile config(home.filePath("node/photoblocks.conf"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("mode = full\n");
        config.close();
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 restPort = probe.serverPort();
        probe.close();
        QProcess app;
        const QByteArray out = startChild(app, home, "origins", {"--rest-port", QString::number(restPort)});
        const int at = int(out.indexOf("READY origins "));
        QVERIFY2(at >= 0, qPrintable(QString::fromUtf8(out + app.readAllStandardError())));
        const QJsonObject pages = QJsonDocument::fromJson(out.mid(at + 14).trimmed()).object();
        QVERIFY2(pages["apiState"].toString().startsWith(QString("The REST API is on: port %1").arg(restPort)), out.constData());
        QCOMPARE(pages["restBoxChecked"].toBool(), false);  // nothing saved
        QVERIFY(pages["mobileNoteShown"].toBool());
        QVERIFY2(pages["mobileNote"].toString().startsWith(QString("This run uses --rest-port %1 (the command line), which wins over the form below.").arg(restPort)),
                 out.constData());
        const QString settingsNote = pages["settingsNote"].toString();
        QVERIFY2(settingsNote.contains(QString("--mode full (the config file %1)").arg(home.filePath("node/photoblocks.conf"))),
                 qPrintable(settingsNote));
        QVERIFY2(settingsNote.contains("--datadir " + home.filePath("node") + " (the command line)"), qPrintable(settingsNote));
        QVERIFY(settingsNote.contains("take effect at the next start"));
        ::kill(pid_t(app.processId()), SIGTERM);
        QVERIFY(app.waitForFinished(30000));
        QCOMPARE(app.exitCode(), 0);
    }

    void sigtermWithADialogOpenQuitsCleanly_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<bool>("nodeRuns");
        QTest::newRow("first-run wallet offer") << "first-run" << false;
        QTest::newRow("after skipping the offer") << "skip" << true;
        QTest::newRow("wallet passphrase dialog") << "passphrase" << true;
        QTest::newRow("ban dialog") << "ban" << true;
    }

    void sigtermWithADialogOpenQuitsCleanly()
    {
        QFETCH(QString, scenario);
        QFETCH(bool, nodeRuns);
        QTemporaryDir home("/tmp/pbXXXXXX");
        const QString dataDir = home.filePath("node");
        QProcess app;
        const QByteArray out = startChild(app, home, scenario, {});
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
