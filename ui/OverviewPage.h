#pragma once
// Overview: network, chain tip, hashrate and peers at a glance, plus mining controls.
// Reads the node only through pb::Node snapshots and commands; never waits on the engine.
#include "core/node/Node.h"

#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QWidget>

namespace pb::ui {

class MiningControls;

class OverviewPage : public QWidget {
    Q_OBJECT
public:
    explicit OverviewPage(Node& node, QWidget* parent = nullptr);

    // Re-reads the node's status snapshot into the labels and controls.
    void refresh();

    QPushButton* miningButton() const;
    QSpinBox* threadsBox() const;

private:
    Node& node_;
    QLabel* network_;
    QLabel* mode_;
    QLabel* height_;
    QLabel* tip_;
    QLabel* tipAge_;
    QLabel* hashrate_;
    QLabel* peers_;
    QLabel* found_;
    QLabel* reward_;
    MiningControls* controls_;
};

} // namespace pb::ui
