// SPDX-License-Identifier: MIT
// Test-only Symbiotic BurnerRouter (symbioticfi/burners IBurnerRouter views).
pragma solidity ^0.8.20;

contract SymBurnerRouter {
    address public globalReceiver;
    uint48 public delay;
    mapping(address => address) public networkReceiver;

    function setRouter(address global, uint48 d) external { (globalReceiver, delay) = (global, d); }
    function setNetworkReceiver(address net, address receiver) external { networkReceiver[net] = receiver; }
}
