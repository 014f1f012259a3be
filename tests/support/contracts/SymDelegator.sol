// SPDX-License-Identifier: MIT
// Test-only Symbiotic delegator: TYPE(), network limits per subnetwork, and the single operator/network of the
// specific delegators. Setting a max network limit emits SetMaxNetworkLimit, as the real BaseDelegator does.
pragma solidity ^0.8.20;

contract SymDelegator {
    event SetMaxNetworkLimit(bytes32 indexed subnetwork, uint256 amount);

    uint64 public TYPE;
    address public operator;
    address public network;
    mapping(bytes32 => uint256) public maxNetworkLimit;
    mapping(bytes32 => uint256) private _networkLimit;

    function setType(uint64 t) external { TYPE = t; }
    function setSpecific(address op, address net) external { (operator, network) = (op, net); }
    function setLimits(bytes32 subnetwork, uint256 maxLimit, uint256 limit) external {
        maxNetworkLimit[subnetwork] = maxLimit;
        _networkLimit[subnetwork] = limit;
        emit SetMaxNetworkLimit(subnetwork, maxLimit);
    }

    // The OperatorNetworkSpecific delegator has no networkLimit: calling it reverts, like the real one.
    function networkLimit(bytes32 subnetwork) external view returns (uint256) {
        require(TYPE != 3, "SymDelegator: no networkLimit");
        return _networkLimit[subnetwork];
    }
}
