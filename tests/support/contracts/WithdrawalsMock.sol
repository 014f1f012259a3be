// SPDX-License-Identifier: MIT
// Test-only withdrawal contracts: every view the redemption reader calls (ether.fi WithdrawRequestNFT and
// EtherFiRedemptionManager, Kelp LRTWithdrawalManager, Puffer vault, an ERC-20 balance), backed by settable storage.
// Placed at each real address; each instance answers only what its test sets.
pragma solidity ^0.8.20;

contract WithdrawalsMock {
    struct WithdrawRequest {
        uint96 amountOfEEth;
        uint96 shareOfEEth;
        bool isValid;
        uint32 feeGwei;
    }

    bool public reverting;
    bool private _paused;
    uint256 private _pausedUntil;
    uint32 private _nextRequestId;
    uint32 private _lastFinalizedRequestId;
    mapping(uint256 => WithdrawRequest) private _requests;
    mapping(address => uint256) private _redeemable;
    uint256 private _delayBlocks;
    mapping(address => uint256) private _nextUnused;
    mapping(address => uint256) private _nextLocked;
    mapping(address => uint256) private _committed;
    uint256 private _exitFeeBps;
    mapping(address => uint256) private _balances;
    // The Puffer vault is AccessManaged (pufETH is UUPS, `restricted`): admin discovery reads its authority().
    address private _authority;

    modifier live() {
        require(!reverting, "WithdrawalsMock: reverting");
        _;
    }

    function setReverting(bool r) external { reverting = r; }
    function setPaused(bool p, uint256 until) external { _paused = p; _pausedUntil = until; }
    function setRequests(uint32 next, uint32 lastFinalized) external { _nextRequestId = next; _lastFinalizedRequestId = lastFinalized; }
    function setRequest(uint256 id, uint96 amount) external { _requests[id] = WithdrawRequest(amount, amount, true, 0); }
    function setRedeemable(address token, uint256 amount) external { _redeemable[token] = amount; }
    function setKelpQueue(address asset, uint256 delayBlocks, uint256 nextUnused, uint256 nextLocked, uint256 committed) external {
        _delayBlocks = delayBlocks;
        _nextUnused[asset] = nextUnused;
        _nextLocked[asset] = nextLocked;
        _committed[asset] = committed;
    }
    function setExitFee(uint256 bps) external { _exitFeeBps = bps; }
    function setBalance(address owner, uint256 amount) external { _balances[owner] = amount; }
    function setAuthority(address a) external { _authority = a; }
    function authority() external view live returns (address) { return _authority; }

    function paused() external view live returns (bool) { return _paused; }
    function nextRequestId() external view live returns (uint32) { return _nextRequestId; }
    function lastFinalizedRequestId() external view live returns (uint32) { return _lastFinalizedRequestId; }
    function withdrawalDelayBlocks() external view live returns (uint256) { return _delayBlocks; }
    function pausedUntil() external view live returns (uint256) { return _pausedUntil; }
    function getRequest(uint256 id) external view live returns (WithdrawRequest memory) { return _requests[id]; }
    function totalRedeemableAmount(address token) external view live returns (uint256) { return _redeemable[token]; }
    function nextUnusedNonce(address asset) external view live returns (uint256) { return _nextUnused[asset]; }
    function nextLockedNonce(address asset) external view live returns (uint256) { return _nextLocked[asset]; }
    function assetsCommitted(address asset) external view live returns (uint256) { return _committed[asset]; }
    function getExitFeeBasisPoints() external view live returns (uint256) { return _exitFeeBps; }
    function balanceOf(address owner) external view live returns (uint256) { return _balances[owner]; }
}
