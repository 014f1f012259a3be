// SPDX-License-Identifier: MIT
// Test-only ether.fi: LiquidityPool.getTotalPooledEther() and EtherFiRestaker.getTotalPooledEther(token), placed at
// both real addresses with their own state. Overlays another test contract like RenzoTvlMock.
pragma solidity ^0.8.20;

contract EtherfiPoolMock {
    struct S {
        uint256 total;
        mapping(address => uint256) perToken;
        bool reverting;
        address next;
    }

    function _s() private pure returns (S storage $) {
        bytes32 slot = keccak256("restake-lens.test.EtherfiPoolMock");
        assembly { $.slot := slot }
    }

    function setNext(address n) external { _s().next = n; }
    function setTotal(uint256 t) external { _s().total = t; }
    function setPerToken(address token, uint256 v) external { _s().perToken[token] = v; }
    function setBackingReverting(bool r) external { _s().reverting = r; }

    function getTotalPooledEther() external view returns (uint256) {
        require(!_s().reverting, "EtherfiPoolMock: reverting");
        return _s().total;
    }

    function getTotalPooledEther(address token) external view returns (uint256) {
        require(!_s().reverting, "EtherfiPoolMock: reverting");
        return _s().perToken[token];
    }

    fallback() external payable {
        address n = _s().next;
        require(n != address(0), "EtherfiPoolMock: unknown call");
        assembly {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), n, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch ok case 0 { revert(0, returndatasize()) } default { return(0, returndatasize()) }
        }
    }
}
