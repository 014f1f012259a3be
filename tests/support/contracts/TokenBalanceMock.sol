// SPDX-License-Identifier: MIT
// Test-only ERC-20 reads: balanceOf(holder) and symbol() from stored values. Overlays another test contract at the
// token's address like RenzoTvlMock: a holder or symbol this mock was not given is answered by that contract.
pragma solidity ^0.8.20;

contract TokenBalanceMock {
    struct S {
        mapping(address => uint256) balances;
        mapping(address => bool) has;
        string symbol;
        address next;
    }

    function _s() private pure returns (S storage $) {
        bytes32 slot = keccak256("restake-lens.test.TokenBalanceMock");
        assembly { $.slot := slot }
    }

    function setNext(address n) external { _s().next = n; }
    function setBackingBalance(address holder, uint256 b) external { _s().balances[holder] = b; _s().has[holder] = true; }
    function setBackingSymbol(string calldata s) external { _s().symbol = s; }

    function balanceOf(address holder) external returns (uint256) {
        if (_s().has[holder]) return _s().balances[holder];
        return abi.decode(_forward(), (uint256));
    }

    function symbol() external returns (string memory) {
        if (bytes(_s().symbol).length > 0) return _s().symbol;
        return abi.decode(_forward(), (string));
    }

    function _forward() private returns (bytes memory) {
        address n = _s().next;
        require(n != address(0), "TokenBalanceMock: not set");
        (bool ok, bytes memory out) = n.delegatecall(msg.data);
        if (!ok) assembly { revert(add(out, 32), mload(out)) }
        return out;
    }

    fallback() external payable {
        _forward();
        assembly { returndatacopy(0, 0, returndatasize()) return(0, returndatasize()) }
    }
}
