package dev.furrow.core.contract;

import dev.furrow.core.borrower.EndUserDetails;
import dev.furrow.core.borrower.EndUserRepository;
import dev.furrow.core.error.AlreadyExistsException;
import dev.furrow.core.error.ConflictException;
import dev.furrow.core.error.NotFoundException;
import dev.furrow.core.error.Violations;
import dev.furrow.core.loan.Loan;
import dev.furrow.core.loan.LoanAccounts;
import dev.furrow.core.loan.LoanInput;
import dev.furrow.core.payg.PaygQuery;
import dev.furrow.core.product.Product;
import dev.furrow.core.product.ProductCatalog;
import dev.furrow.core.product.ProductField;
import dev.furrow.core.product.ProductInput;
import dev.furrow.core.query.PartnerPage;
import dev.furrow.core.transaction.TransactionBook;
import dev.furrow.core.transaction.TransactionInput;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The contract use cases: the partner's portfolio reads (scoped by funding-source entitlement) and
 * the operator's funding sources, entitlements and contract opening.
 */
public final class ContractDesk {
  /** What every missing or invisible contract answers, as the LMS API does. */
  public static final String NOT_FOUND = "Not found.";

  private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

  private final ContractRepository repository;
  private final ContractPolicy policy;
  private final ProductCatalog products;
  private final EndUserRepository endUsers;
  private final LoanAccounts loans;
  private final TransactionBook transactions;
  private final Clock clock;

  public ContractDesk(
      ContractRepository repository,
      ContractPolicy policy,
      ProductCatalog products,
      EndUserRepository endUsers,
      LoanAccounts loans,
      TransactionBook transactions,
      Clock clock) {
    this.repository = repository;
    this.policy = policy;
    this.products = products;
    this.endUsers = endUsers;
    this.loans = loans;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** A page of the contracts the partner may see. */
  public PartnerPage<Contract> list(long partnerId, PaygQuery query) {
    return repository.list(partnerId, query);
  }

  /** A contract the partner may see; any other id (or text that is no id) is NOT_FOUND. */
  public Contract get(long partnerId, String id) {
    String text = id == null ? "" : id.strip();
    if (!ID.matcher(text).matches()) {
      throw new NotFoundException(NOT_FOUND);
    }
    return repository
        .findVisible(partnerId, Long.parseLong(text))
        .orElseThrow(() -> new NotFoundException(NOT_FOUND));
  }

  /** Creates or renames a funding source. */
  public void upsertFundingSource(String code, String name) {
    Violations v = new Violations();
    String c = code == null ? "" : code.strip();
    String n = name == null ? "" : name.strip();
    v.check(c.isEmpty(), "code", ContractPolicy.REQUIRED);
    v.check(
        !c.isEmpty() && !c.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"),
        "code",
        "Enter a valid funding source code: letters, digits, '.', '_' or '-', at most 64.");
    v.check(n.isEmpty(), "name", ContractPolicy.REQUIRED);
    v.check(n.length() > 200, "name", "Ensure this field has no more than 200 characters.");
    v.throwIfAny();
    repository.upsertFundingSource(c, n);
  }

  /** Entitles a partner to see a funding source's contracts. Idempotent. */
  public void grant(long partnerId, String fundingSource) {
    String code = fundingSource == null ? "" : fundingSource.strip();
    Violations v = new Violations();
    v.check(partnerId <= 0, "partner_id", ContractPolicy.REQUIRED);
    v.check(code.isEmpty(), "funding_source", ContractPolicy.REQUIRED);
    v.throwIfAny();
    if (!repository.grant(partnerId, code)) {
      if (!repository.partnerExists(partnerId)) {
        v.add("partner_id", doesNotExist(Long.toString(partnerId)));
      }
      if (!repository.fundingSourceExists(code)) {
        v.add("funding_source", doesNotExist(code));
      }
      v.throwIfAny();
    }
  }

  /**
   * Opens a contract in one database transaction: the borrower, the owner's pay-as-you-go product
   * for the currency (created on first use), an accepted application and a loan account for the
   * financed amount, its disbursement, the flat finance charge, and the contract. A retry with the
   * same request returns the contract; a different request with the same loan_id is refused.
   */
  public Contract create(ContractInput input) {
    ContractTerms terms = policy.validate(input);
    return repository
        .jdbi()
        .inTransaction(
            h -> {
              repository.lockLoanId(h, terms.loanId());
              Optional<Contract> existing = repository.findByLoanId(h, terms.loanId());
              if (existing.isPresent()) {
                if (existing.get().matches(terms)) {
                  return existing.get();
                }
                throw new AlreadyExistsException(
                    "A different contract with loan_id " + terms.loanId() + " exists.");
              }
              Violations v = new Violations();
              if (!repository.partnerExists(h, terms.ownerPartnerId())) {
                v.add("owner_partner_id", doesNotExist(Long.toString(terms.ownerPartnerId())));
              }
              if (!repository.fundingSourceExists(h, terms.fundingSource())) {
                v.add("funding_source", doesNotExist(terms.fundingSource()));
              }
              Optional<Long> owner = repository.tractorPartner(h, terms.tractorId());
              if (owner.isEmpty() || owner.get() != terms.ownerPartnerId()) {
                v.add(
                    "tractor_id",
                    "Tractor " + terms.tractorId() + " is not registered for the owner partner.");
              }
              v.throwIfAny();
              repository
                  .openContractOn(h, terms.tractorId())
                  .ifPresent(
                      other -> {
                        throw new ConflictException(
                            "Tractor "
                                + terms.tractorId()
                                + " already has an open contract ("
                                + other
                                + ").");
                      });
              return open(h, terms);
            });
  }

  private Contract open(org.jdbi.v3.core.Handle h, ContractTerms terms) {
    Instant now = clock.instant();
    long partner = terms.ownerPartnerId();
    String productName = "Pay-as-you-go contracts (" + terms.currency() + ")";
    var productId =
        repository
            .contractProduct(h, partner, terms.currency(), productName)
            .orElseGet(() -> createProduct(partner, productName, terms).id());
    var borrower = endUsers.insert(partner, borrower(terms), now);
    var application =
        repository.insertAcceptedApplication(
            h, partner, productId, borrower.id(), terms.financedAmount(), terms.loanId(), now);
    Loan loan = loans.open(partner, new LoanInput(application.toString(), null));
    String account = loan.id().toString();
    transactions.create(
        partner,
        new TransactionInput(
            account,
            "disbursement",
            terms.financedAmount().toPlainString(),
            null,
            null,
            "payg-contract-" + terms.loanId() + "-disbursement",
            null));
    if (terms.financeCharge().signum() > 0) {
      transactions.create(
          partner,
          new TransactionInput(
              account,
              "fee",
              terms.financeCharge().toPlainString(),
              "finance_charge",
              "flat",
              "payg-contract-" + terms.loanId() + "-finance-charge",
              null));
    }
    var outstanding = repository.loanOutstanding(h, loan.id());
    if (outstanding.compareTo(terms.totalRepaymentAmount()) != 0) {
      throw new IllegalStateException(
          "loan outstanding "
              + outstanding
              + " (expected: total_repayment_amount "
              + terms.totalRepaymentAmount()
              + ")");
    }
    return repository.insert(h, terms, loan.id(), now);
  }

  private Product createProduct(long partner, String name, ContractTerms terms) {
    Product draft =
        products.create(
            partner,
            ProductInput.empty()
                .with(ProductField.TYPE, "pay_as_you_go")
                .with(ProductField.NAME, name)
                .with(ProductField.CURRENCY, terms.currency())
                .with(
                    ProductField.REPAYMENT_PER_HECTARE, terms.repaymentPerHectare().toPlainString())
                .with(ProductField.BILLING_DUE_DAYS, terms.invoiceDueDays())
                .with(
                    ProductField.CUSTOM_FIELD,
                    "Loan accounts of pay-as-you-go contracts; each contract's own rate applies."));
    return products.publish(partner, draft.id().toString());
  }

  /**
   * The lending API's end user for the contract's borrower. The LMS contract carries only the
   * borrower's name; the other required fields hold visible "not provided" placeholders
   * (docs/payg.md) that the owner may complete through the lending API.
   */
  private static EndUserDetails borrower(ContractTerms terms) {
    String full = terms.loaner();
    int cut = full.lastIndexOf(' ');
    String first = cut > 0 ? full.substring(0, cut).strip() : full;
    String last = cut > 0 ? full.substring(cut + 1).strip() : full;
    return new EndUserDetails(
        truncate(first, 100),
        truncate(last, 100),
        LocalDate.of(1900, 1, 1),
        "Not provided (pay-as-you-go contract " + terms.loanId() + ")",
        "Not provided",
        null,
        "Not provided",
        "0",
        null,
        "0000",
        "000",
        null,
        null);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static String doesNotExist(String value) {
    return "Invalid pk \"" + value + "\" - object does not exist.";
  }
}
