#pragma once
// The set-up window tests share: settings kept in the test's own folder, and the real main
// window (offscreen) over a head node on the test network with its embedded Redis, a free peer
// port and a quiet log.
#include "core/crypto/Address.h"
#include "core/crypto/Ed25519.h"
#include "core/node/Node.h"
#include "core/wallet/Keystore.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QtTest>
#include <memory>

namespace pb::test {

inline QString addressOf(const crypto::Ed25519Key& key)
{
    return QString::fromStdString(crypto::encodeAddress(crypto::addressFromPublicKey(key.publicKey())));
}

// QSettings (GuiSettings) read and write below `folder`, never the user's own settings.
inline void keepSettingsIn(const QString& folder)
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, folder);
    QApplication::setOrganizationName("photoblocks-test");
    QApplication::setQuitOnLastWindowClosed(false);
}

inline NodeConfig headNodeConfig(const QString& dataDir, const QString& rewardAddress = {})
{
    NodeConfig config;
    config.network = "test";
    config.mode = NodeMode::Head;
    config.dataDir = dataDir;
    config.logToStderr = false;
    config.port = 0;
    config.rewardAddress = rewardAddress;
    return config;
}

struct WindowOverNode {
    std::unique_ptr<Node> node;
    std::unique_ptr<ui::MainWindow> window;  // shown at 1100x720, the size screenshots use
};

// The node is created, not started: a test may look at the window before it starts.
inline WindowOverNode windowOverNode(const NodeConfig& config)
{
    WindowOverNode made;
    QDir().mkpath(config.dataDir);
    made.node = createNode(config);
    made.window = std::make_unique<ui::MainWindow>(*made.node, wallet::Keystore::fileIn(config.dataDir));
    made.window->resize(1100, 720);
    made.window->show();
    return made;
}

// Starts the node; false when it did not report started within 20 s.
inline bool startNode(Node& node)
{
    QSignalSpy started(&node, &Node::started);
    node.start();
    return started.wait(20000);
}

} // namespace pb::test
