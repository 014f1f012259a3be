// SPDX-License-Identifier: MIT
// Test-only eigenlayer-middleware VetoableSlasher: the two immutables, here settable.
pragma solidity ^0.8.20;

contract ElVetoableSlasher {
    uint32 public vetoWindowBlocks;
    address public vetoCommittee;

    function setVeto(uint32 windowBlocks, address committee) external {
        vetoWindowBlocks = windowBlocks;
        vetoCommittee = committee;
    }
}
