package org.tafund.approvals;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApprovalPolicies extends JpaRepository<ApprovalPolicy, ApprovalAction> {

}
